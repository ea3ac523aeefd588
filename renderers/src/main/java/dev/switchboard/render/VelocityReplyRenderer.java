package dev.switchboard.render;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.PageNavigation;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ReplyRenderer;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders replies with the Velocity templates of this module: {@code templates/<profile id>/<view>.vm}
 * on the class path, for every {@link DeviceProfile} and every {@link Reply.View}, with the shared
 * macros of {@code templates/macros.vm}.
 *
 * <p>The template is picked from the two enums only; there is no way to name a template with a string,
 * so no request value can choose or inject one. Reply data is never evaluated as template code.
 *
 * <p>Every {@code $reference} a template writes goes through the {@link OutputEscaping} of the profile's
 * format. SMS output is then fitted to the {@link SmsBudget}.
 *
 * <p>Profiles that browse ({@link #PAGE_PROFILES}) also have page templates,
 * {@code templates/<profile id>/page/<view>.vm}: whole documents with links and forms, split to a byte
 * budget (see {@link #renderPage}).
 *
 * <p>One Velocity engine in strict mode; every template is compiled once, when the renderer is made,
 * which also fails fast when one is missing or broken. Thread-safe: share one instance.
 */
public final class VelocityReplyRenderer implements ReplyRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(VelocityReplyRenderer.class);
    private static final String TEMPLATE_FOLDER = "templates/";
    /** The one velocimacro library every template shares. */
    public static final String MACRO_LIBRARY = TEMPLATE_FOLDER + "macros.vm";

    /** The profiles with page templates: the ones whose browsers follow links and post forms. */
    public static final Set<DeviceProfile> PAGE_PROFILES =
            Set.copyOf(EnumSet.of(DeviceProfile.WML, DeviceProfile.XHTML_MP, DeviceProfile.HTML5));

    private final SmsBudget smsBudget;
    private final Map<DeviceProfile, Map<Reply.View, Template>> templates = new EnumMap<>(DeviceProfile.class);
    private final Map<DeviceProfile, Map<Reply.View, Template>> pageTemplates = new EnumMap<>(DeviceProfile.class);
    private final Map<DeviceProfile, EscapingInsertionHandler> escapers = new EnumMap<>(DeviceProfile.class);

    /** A renderer with the default {@link SmsBudget}. */
    public VelocityReplyRenderer() {
        this(new SmsBudget());
    }

    /** A renderer that fits SMS replies to {@code smsBudget}. */
    public VelocityReplyRenderer(SmsBudget smsBudget) {
        this.smsBudget = Objects.requireNonNull(smsBudget, "SMS budget");
        VelocityEngine engine = newEngine();
        for (DeviceProfile profile : DeviceProfile.values()) {
            templates.put(profile, load(engine, profile, false));
            if (PAGE_PROFILES.contains(profile)) {
                pageTemplates.put(profile, load(engine, profile, true));
            }
            escapers.put(profile, new EscapingInsertionHandler(OutputEscaping.forProfile(profile)));
        }
        LOG.info("Loaded {} reply templates for profiles {}, page templates for {}",
                DeviceProfile.values().length * Reply.View.values().length, templates.keySet(), pageTemplates.keySet());
    }

    private static Map<Reply.View, Template> load(VelocityEngine engine, DeviceProfile profile, boolean page) {
        Map<Reply.View, Template> views = new EnumMap<>(Reply.View.class);
        for (Reply.View view : Reply.View.values()) {
            String path = page ? pageTemplatePath(profile, view) : templatePath(profile, view);
            try {
                views.put(view, engine.getTemplate(path, StandardCharsets.UTF_8.name()));
            } catch (VelocityException e) {
                throw new IllegalStateException("cannot load template " + path + ": " + e.getMessage(), e);
            }
        }
        return views;
    }

    /** The class-path location of the template for {@code profile} and {@code view}. */
    public static String templatePath(DeviceProfile profile, Reply.View view) {
        return TEMPLATE_FOLDER + profile.id() + "/" + view.templateName() + ".vm";
    }

    /** The class-path location of the page template for {@code profile} and {@code view}. */
    public static String pageTemplatePath(DeviceProfile profile, Reply.View view) {
        return TEMPLATE_FOLDER + profile.id() + "/page/" + view.templateName() + ".vm";
    }

    /** The budget SMS replies are fitted to. */
    public SmsBudget smsBudget() {
        return smsBudget;
    }

    /**
     * Renders {@code reply} with the template of {@code profile} and the reply's view.
     *
     * @throws IllegalStateException when the template fails, which is a bug in a template
     */
    @Override
    public RenderedReply render(DeviceProfile profile, Reply reply) {
        RenderedReply whole = renderUntrimmed(profile, reply);
        return profile == DeviceProfile.SMS ? new RenderedReply(whole.contentType(), smsBudget.fit(whole.body())) : whole;
    }

    /** Renders {@code reply} as {@link #render} does, without fitting SMS output to the {@link SmsBudget}. */
    @Override
    public RenderedReply renderUntrimmed(DeviceProfile profile, Reply reply) {
        Objects.requireNonNull(profile, "device profile");
        Objects.requireNonNull(reply, "reply");
        String body = merge(profile, templates.get(profile).get(reply.view()), TemplateModel.contextFor(reply),
                templatePath(profile, reply.view()));
        boolean plainText = OutputEscaping.forProfile(profile) == OutputEscaping.NONE;
        return new RenderedReply(profile.contentType(), plainText ? body.strip() : body);
    }

    /**
     * Renders page {@code navigation.page()} of {@code reply} with the page template of {@code profile}:
     * a whole document with the links and forms of {@code navigation}, at most
     * {@link PageNavigation#byteBudget()} bytes (UTF-8) where the reply can be split (see {@link ReplyPages}).
     * A conversation is shown newest first.
     *
     * @throws dev.switchboard.spi.PageNotFoundException when the reply has fewer pages
     * @throws UnsupportedOperationException for a profile not in {@link #PAGE_PROFILES}
     */
    @Override
    public RenderedReply renderPage(DeviceProfile profile, Reply reply, PageNavigation navigation) {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(navigation, "navigation");
        Map<Reply.View, Template> views = pageTemplates.get(Objects.requireNonNull(profile, "device profile"));
        if (views == null) {
            throw new UnsupportedOperationException("no page templates for profile " + profile.id());
        }
        Template template = views.get(reply.view());
        String path = pageTemplatePath(profile, reply.view());
        String body = ReplyPages.render(reply, navigation, (part, more) ->
                merge(profile, template, TemplateModel.contextForPage(part, navigation, more), path));
        return new RenderedReply(profile.contentType(), body);
    }

    private String merge(DeviceProfile profile, Template template, VelocityContext context, String path) {
        // A cartridge per call: Velocity synchronizes on it for every reference it writes.
        EventCartridge cartridge = new EventCartridge();
        cartridge.addReferenceInsertionEventHandler(escapers.get(profile));
        cartridge.attachToContext(context);
        StringWriter out = new StringWriter(1024);
        try {
            template.merge(context, out);
        } catch (VelocityException e) {
            throw new IllegalStateException("rendering " + path + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static VelocityEngine newEngine() {
        Properties settings = new Properties();
        settings.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
        settings.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        settings.setProperty("resource.loader.class.cache", "true");
        settings.setProperty("resource.loader.class.modification_check_interval", "-1");
        settings.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
        settings.setProperty(RuntimeConstants.VM_LIBRARY, MACRO_LIBRARY);
        settings.setProperty(RuntimeConstants.VM_LIBRARY_AUTORELOAD, "false");
        // Macros live in the library only; a template cannot define its own.
        settings.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE, "false");
        settings.setProperty(RuntimeConstants.VM_ARGUMENTS_STRICT, "true");
        settings.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        // "$x" inside a string literal would be escaped twice (once in the literal, once when written).
        settings.setProperty(RuntimeConstants.INTERPOLATE_STRINGLITERALS, "false");
        settings.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        settings.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
        settings.setProperty(RuntimeConstants.RUNTIME_LOG_NAME, "dev.switchboard.render.velocity");
        VelocityEngine engine = new VelocityEngine(settings);
        engine.init();
        return engine;
    }
}
