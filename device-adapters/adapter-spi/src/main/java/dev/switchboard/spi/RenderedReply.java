package dev.switchboard.spi;

/**
 * A reply rendered for one device profile: the bytes to send and their content type.
 *
 * @param contentType the HTTP content type, with charset
 * @param body        the rendered document or text
 */
public record RenderedReply(String contentType, String body) {
}
