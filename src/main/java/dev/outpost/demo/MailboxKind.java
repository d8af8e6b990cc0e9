package dev.outpost.demo;

/** The kinds of item the demo mailbox holds, with their Graph type names. */
enum MailboxKind {
    CONTACT("contact", true),
    EVENT("event", true),
    TASK("todoTask", false),
    MESSAGE("message", true),
    CATEGORY("outlookCategory", false);

    private final String type;
    private final boolean changeKey;

    MailboxKind(String type, boolean changeKey) {
        this.type = type;
        this.changeKey = changeKey;
    }

    /** The entity type, e.g. {@code contact}. */
    String type() {
        return type;
    }

    /** The {@code @odata.type} annotation, e.g. {@code #microsoft.graph.contact}. */
    String odataType() {
        return "#microsoft.graph." + type;
    }

    /** Whether items carry a {@code changeKey} (Outlook items do; To Do tasks and categories do not). */
    boolean hasChangeKey() {
        return changeKey;
    }
}
