import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Removes "Sealed: true" from the manifests of the jars given (main section and per-package sections); other jars
 * are left untouched. Run by build-installers.sh with the build's JDK: {@code java packaging/UnsealJars.java JAR…}.
 *
 * <p>Why: a class that comes from the AOT cache defines its package without the jar's sealing, so the first class of
 * that package loaded from the jar afterwards fails with "sealing violation: can't seal package … already defined"
 * (JDK 25; JDK-8312434 is the CDS cousin). HSQLDB seals its packages: under the cache, opening an existing offline
 * store hit it. Sealing only guards against a package being split over jars, which a packaged app does not do.
 */
public final class UnsealJars {

    public static void main(String[] jars) throws IOException {
        for (String name : jars) {
            Path jar = Path.of(name);
            if (unseal(jar)) {
                System.out.println("Unsealed " + jar.getFileName());
            }
        }
    }

    private static boolean unseal(Path jar) throws IOException {
        Path unsealed = jar.resolveSibling(jar.getFileName() + ".unsealed");
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = in.getManifest();
            if (manifest == null || !removeSealing(manifest)) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(unsealed);
                 JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue; // written above
                    }
                    JarEntry copy = new JarEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(unsealed, jar, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** @return whether the manifest had any sealing */
    private static boolean removeSealing(Manifest manifest) {
        boolean sealed = manifest.getMainAttributes().remove(Attributes.Name.SEALED) != null;
        for (Map.Entry<String, Attributes> section : manifest.getEntries().entrySet()) {
            sealed |= section.getValue().remove(Attributes.Name.SEALED) != null;
        }
        return sealed;
    }
}
