package dev.outpost.ui.issues;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;

/**
 * One row of the sync issues list: the record and its type, the reason in plain words, what happens next, when it
 * first happened and how many attempts, and <em>Retry</em>, <em>Skip</em>, <em>Show record</em>.
 */
public final class IssueRow {

    /** What the row's buttons do; the list's owner carries them out. */
    public interface Actions {
        void retry(IssueItem item);

        void skip(IssueItem item);

        void show(IssueItem item);
    }

    private IssueRow() {
    }

    /** The row's content for a list cell. */
    public static Node of(IssueItem item, Actions actions) {
        Label heading = new Label(item.heading());
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.setAccessibleText(item.accessibleText()); // read first: the whole issue in one sentence
        Label kind = new Label(item.issue().skipped() ? UiText.get("issues.kindSkipped", item.kind()) : item.kind());
        kind.getStyleClass().addAll("issue-kind", Styles.TEXT_SMALL, item.issue().skipped() ? Styles.TEXT_MUTED : Styles.WARNING);
        HBox top = new HBox(8, heading, kind);
        Label reason = wrapped(item.issue().reason(), "issue-reason");
        Label next = wrapped(item.next(), "issue-next");
        next.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label when = new Label(item.when());
        when.getStyleClass().addAll("issue-when", Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        String kindKey = item.issue().kind().equals("possible-duplicate") ? ".possible-duplicate" : "";
        Button retry = button("issue-retry", UiText.get("issues.retry" + kindKey), UiText.get("issues.retryHelp" + kindKey),
                item, () -> actions.retry(item));
        retry.getStyleClass().add(Styles.ACCENT);
        Button skip = button("issue-skip", UiText.get("issues.skip"), UiText.get("issues.skipHelp"), item,
                () -> actions.skip(item));
        skip.setDisable(item.issue().skipped());
        Button show = button("issue-show", UiText.get("issues.show"), UiText.get("issues.showHelp"), item,
                () -> actions.show(item));
        show.setDisable(!item.canShow());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, show, skip, retry);

        VBox row = new VBox(4, top, reason, next, when, buttons);
        row.setPadding(new Insets(6, 4, 6, 4));
        row.getStyleClass().add("issue-row");
        if (item.issue().skipped()) {
            row.getStyleClass().add("issue-skipped");
        }
        row.setAccessibleText(item.accessibleText()); // the row stays a parent: its buttons stay reachable
        return row;
    }

    private static Button button(String id, String text, String help, IssueItem item, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add(id);
        // The record's name too: a screen reader moving from button to button hears which issue it acts on.
        button.setAccessibleText(text + ": " + item.heading());
        button.setAccessibleHelp(help);
        button.setTooltip(new Tooltip(help));
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // in a list cell, a wrapping label is otherwise cut to one line
        label.getStyleClass().add(styleClass);
        return label;
    }
}
