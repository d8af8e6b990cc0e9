package dev.outpost.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the window for docs/screenshots, written by the UI tests only when asked with
 * {@code -Doutpost.screenshots=DIR}, so a normal run writes nothing.
 */
public final class Screenshots {

    /** The system property naming the folder the pictures go to. */
    public static final String FOLDER = "outpost.screenshots";

    private Screenshots() {
    }

    /** The folder asked for, if any. */
    public static Optional<Path> folder() {
        String dir = System.getProperty(FOLDER);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath());
    }

    /** Writes the scene as {@code name} (a PNG file name) into the folder asked for; nothing when none was. */
    public static void save(FxRobot robot, Scene scene, String name) {
        folder().ifPresent(dir -> write(robot, scene, dir.resolve(name)));
    }

    /** Writes the scene as a PNG to {@code file}. */
    public static void write(FxRobot robot, Scene scene, Path file) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(scene.snapshot(null)));
        WritableImage image = shot.get();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
    }
}
