package dev.outpost.ui.sync;

import java.util.function.Supplier;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Duration;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/**
 * The notice in the window's bottom left corner after a sync that recorded new conflicts or sync issues: what needs
 * the user, *Show* (the list of conflicts or issues) and *Close*. It does not take the focus or block anything,
 * and goes away on its own after a while (not while the pointer rests on it).
 */
public final class SyncNotification {

    /** How long the notice stays when left alone. */
    public static final Duration SHOWN_FOR = Duration.seconds(20);

    private final SyncViewModel model;
    private final Supplier<Window> owner;
    private final Notification card = new Notification();
    private final PauseTransition timer;

    public SyncNotification(SyncViewModel model, Supplier<Window> owner, Duration shownFor) {
        this.model = model;
        this.owner = owner;
        card.setId("sync-attention");
        card.getStyleClass().addAll(Styles.ELEVATED_2, Styles.WARNING);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setPrefWidth(340);

        Button show = new Button(UiText.get("everyday.attention.show"));
        show.setId("sync-attention-show");
        show.getStyleClass().add(Styles.ACCENT);
        show.setTooltip(new Tooltip(UiText.get("everyday.attention.showTooltip")));
        show.setAccessibleHelp(UiText.get("everyday.attention.showTooltip"));
        show.setOnAction(event -> show());
        Button close = new Button(UiText.get("conflicts.close"));
        close.setId("sync-attention-close");
        close.setAccessibleText(UiText.get("everyday.attention.close"));
        close.setOnAction(event -> model.dismissAttention());
        card.getPrimaryActions().setAll(show, close);
        card.setOnClose(event -> model.dismissAttention()); // the corner's ×

        timer = new PauseTransition(shownFor);
        timer.setOnFinished(event -> model.dismissAttention());
        card.hoverProperty().addListener((obs, was, hovering) -> {
            if (hovering) {
                timer.stop();
            } else if (card.isVisible()) {
                timer.playFromStart();
            }
        });

        card.setVisible(false);
        card.setManaged(false);
        model.attentionProperty().addListener((obs, old, now) -> update(now));
        update(model.attentionProperty().get());
    }

    public SyncNotification(SyncViewModel model, Supplier<Window> owner) {
        this(model, owner, SHOWN_FOR);
    }

    /**
     * The window's content with the notice laid over its bottom left corner, over the table's last rows: the top
     * right would hide the editor's heading and the line that says a record waits for a decision, the bottom right
     * its Save and Delete.
     */
    public Node over(Node content) {
        StackPane layer = new StackPane(content, card);
        StackPane.setAlignment(card, Pos.BOTTOM_LEFT);
        StackPane.setMargin(card, new Insets(0, 0, 16, 16));
        return layer;
    }

    private void update(SyncAttention attention) {
        timer.stop();
        boolean showing = attention != null;
        if (showing) {
            card.setMessage(attention.text());
            card.setAccessibleText(attention.text());
            timer.playFromStart();
        }
        card.setVisible(showing);
        card.setManaged(showing);
    }

    private void show() {
        SyncAttention attention = model.attentionProperty().get();
        model.dismissAttention();
        ConflictsDialog.open(owner.get(), model, attention != null && attention.showsIssues());
    }
}
