package dev.outpost.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class OutpostVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = OutpostVersion.class.getPackage().getImplementationVersion();
        return new String[] {"Outpost " + (version != null ? version : "development build")};
    }
}
