package dev.outpost.ui.reset;

import java.net.URI;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The header's <em>Account</em> menu: what the profile syncs with, and <em>Connect to another CRM…</em>, which goes
 * through the reset warning whenever the offline copy holds another identity's records.
 */
public final class AccountMenu {

    private final MenuButton button = new MenuButton(UiText.get("account.menu"));
    private final ProfileSwitching switching;
    private final BackgroundTasks tasks;
    private final ErrorReporter errors;
    private final Supplier<Window> owner;

    /**
     * @param tasks the sync's worker: counting, syncing first and removing never run beside a sync
     */
    public AccountMenu(ProfileSwitching switching, BackgroundTasks tasks, ErrorReporter errors, Supplier<Window> owner) {
        this.switching = switching;
        this.tasks = tasks;
        this.errors = errors;
        this.owner = owner;
        button.setId("account-menu");
        button.getStyleClass().add(Styles.FLAT);
        button.setTooltip(new Tooltip(UiText.get("account.menuTip")));
        MenuItem current = new MenuItem();
        current.setId("account-current");
        current.setDisable(true);
        MenuItem other = new MenuItem(UiText.get("account.connectOther"));
        other.setId("account-connect-other");
        other.setOnAction(event -> connectOther());
        button.getItems().setAll(current, other);
        button.setOnShowing(event -> current.setText(UiText.get("account.connectedTo", switching.current())));
    }

    public Node node() {
        return button;
    }

    /** <em>Connect to another CRM…</em>. */
    public void connectOther() {
        // Opens at once, even during a sync: it offers the CRM IT set (and only it where IT locked it), as the connection
        // already holds it; only the move itself waits for the sync (moveTo).
        ConnectDialog.open(owner.get(), switching.current(), switching.admin(), this::moveTo);
    }

    private void moveTo(URI crmUrl) {
        if (switching.isCurrent(crmUrl)) {
            errors.show(UiText.get("account.sameServer", crmUrl));
            return;
        }
        tasks.run(() -> switching.needsReset(crmUrl), needed -> {
            if (needed) {
                warn(crmUrl);
            } else {
                switching.connect(crmUrl);
            }
        }, errors::report);
    }

    private void warn(URI crmUrl) {
        ResetDialog[] dialog = new ResetDialog[1];
        ResetViewModel model = new ResetViewModel(switching.offlineCopy(crmUrl), tasks, switching.current(),
                crmUrl.toString(), outcome -> dialog[0].close()); // removing showed the window again on the new copy
        dialog[0] = ResetDialog.open(owner.get(), model);
    }
}
