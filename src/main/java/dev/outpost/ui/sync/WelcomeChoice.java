package dev.outpost.ui.sync;

import java.net.URI;

/** What the user picked in the welcome. */
public sealed interface WelcomeChoice {

    /** Explore with demo data. */
    record Demo() implements WelcomeChoice {
    }

    /** Connect to a Dynamics 365 organization at this (checked) address. */
    record Connect(URI crmUrl) implements WelcomeChoice {
    }

    /** Work offline for now (also closing the welcome). */
    record NotNow() implements WelcomeChoice {
    }
}
