package dev.outpost.ui.main;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.UiText;
import dev.outpost.ui.sync.SyncStatusLine;
import dev.outpost.ui.sync.SyncViewModel;

/**
 * The line at the bottom: the sync's state (online or offline, the last sync, conflicts waiting) and the local
 * changes waiting to sync on the left, the record count on the right.
 */
final class StatusBar {

    private final HBox root;

    StatusBar(MainWindowViewModel model, Optional<SyncViewModel> sync, Supplier<Window> owner) {
        Node offline = sync.map(s -> new SyncStatusLine(s, owner).node()).orElseGet(() -> {
            Label label = new Label(UiText.get("status.offline"));
            label.getStyleClass().addAll(Styles.TEXT_SMALL, "status-offline");
            return label;
        });
        Label pending = new Label();
        pending.setId("status-pending");
        pending.getStyleClass().add(Styles.TEXT_SMALL);
        pending.textProperty().bind(model.pendingTextProperty());
        // Offline, the changes waiting are a queue that goes out on its own when the CRM answers again.
        sync.ifPresent(s -> {
            BooleanBinding isOffline = s.connectivityProperty().isEqualTo(SyncViewModel.Connectivity.OFFLINE);
            pending.textProperty().unbind();
            pending.textProperty().bind(Bindings.createStringBinding(() -> isOffline.get()
                    ? UiText.get("everyday.queued", model.pendingChangesProperty().get())
                    : model.pendingTextProperty().get(), isOffline, model.pendingChangesProperty(), model.pendingTextProperty()));
        });
        pending.setMinWidth(Region.USE_PREF_SIZE); // offline, the queue matters more than the last sync's reason
        Label count = new Label();
        count.setId("status-count");
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.textProperty().bind(model.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(12, offline, pending, spacer, count);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("status-bar");
    }

    Node node() {
        return root;
    }
}
