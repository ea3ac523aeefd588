/**
 * Renders help-desk replies for each device profile with Apache Velocity templates: the templates, each
 * format's escaping ({@link dev.switchboard.render.OutputEscaping}) and the SMS length and alphabet budget
 * ({@link dev.switchboard.render.SmsBudget}). The entry point is
 * {@link dev.switchboard.render.VelocityReplyRenderer}.
 */
package dev.switchboard.render;
