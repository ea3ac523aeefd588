package dev.switchboard.spi;

/** Thrown by {@link ReplyRenderer#renderPage} for a page number past the reply's last page. */
public class PageNotFoundException extends IllegalArgumentException {
    public PageNotFoundException(String message) {
        super(message);
    }
}
