package org.baraza.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The demo outbox page (/outbox), where the demo shows the messages it would send. */
public final class DemoOutbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private DemoOutbox() {
    }

    /** Opens the outbox and reads the newest one-time code sent to {@code recipient}. */
    public static String codeSentTo(Browser browser, String recipient) {
        browser.open("/outbox");
        for (WebElement row : browser.findAll(By.cssSelector("main table tbody tr"))) {
            if (row.getText().contains(recipient)) {
                Matcher code = CODE.matcher(row.getText().replace(recipient, ""));
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("no code for " + recipient + " in the outbox:\n" + browser.text());
    }
}
