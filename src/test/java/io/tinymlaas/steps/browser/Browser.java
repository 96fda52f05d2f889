package io.tinymlaas.steps.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the whole test run (starting one takes seconds; the scenarios share it and each starts
 * from a signed-out page): Debian's chromium driven through chromium-driver, both installed by bin/setup.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver driver;

    private Browser() {
    }

    public static synchronized ChromeDriver get() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    private static ChromeDriver start() {
        for (Path program : new Path[] {CHROMIUM, DRIVER}) {
            if (!Files.isExecutable(program)) {
                throw new IllegalStateException(program + " is missing: bin/setup installs it (apt-get install chromium chromium-driver)");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("tinyml-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a profile folder for chromium", e);
        }
        ChromeOptions options = new ChromeOptions();
        // the binary and the driver are named, so Selenium Manager never tries to download either (nothing outside
        // this machine can be reached); the flags keep a root-run, offline, GPU-less chromium from stalling on
        // sandboxing, QUIC, first-run dialogs, updates and sync
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1360,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver started = new ChromeDriver(service, options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.quit();
            deleteQuietly(profile);
        }));
        return started;
    }

    /** The whole page as a PNG, not only the window: the panel is longer than a screen. */
    public static byte[] fullPageScreenshot() {
        ChromeDriver browser = get();
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in /tmp harms nothing
        }
    }
}
