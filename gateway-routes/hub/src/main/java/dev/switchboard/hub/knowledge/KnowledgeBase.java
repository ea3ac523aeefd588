package dev.switchboard.hub.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, thread-safe set of {@link KnowledgeArticle}s with a question matcher.
 *
 * <p>All term vectors are built once in the constructor: one per article (topic, question and
 * phrasings, plus tags and programme name at a lower weight) and one per single phrasing, weighted
 * by TF-IDF with IDF taken over the articles. {@link #bestAnswer} averages a question's cosine
 * similarity with the whole article and with its closest phrasing, scales it down when the shared
 * words are all common ones, and returns the best article only if it reaches the threshold, so the
 * caller can hand over to a person when nothing fits well. {@link #bestMatches} ranks the same scores for an
 * agent's suggestions, raised by how often agents chose each article ({@link ChoiceBoost}).
 */
public final class KnowledgeBase {

    /** Minimum score for {@link #bestAnswer} to return an article unless another is configured. */
    public static final double DEFAULT_THRESHOLD = 0.40;

    /**
     * Minimum textual score, before any boost, for {@link #bestMatches} to offer an article to an agent: half the
     * default threshold, since an agent reads a suggestion before it goes out, but high enough that one shared common
     * word ("tv", "app") does not fill his list.
     */
    public static final double SUGGESTION_FLOOR = 0.20;

    /** The tag of articles about television, offered first to a viewer. */
    public static final String TV_TAG = "tv";

    // The answer text is not indexed: answers share procedural words ("app", "settings", "press",
    // "service point") across many articles, which would let one article match questions about
    // another. The curated topic, question, phrasings and tags describe what the article answers.
    private static final double TAG_WEIGHT = 0.6;

    // Share of the score taken from the best single phrasing rather than the whole article. A
    // question usually paraphrases one phrasing, and comparing it only with the whole article
    // dilutes that hit with the words of all the other phrasings.
    private static final double PHRASING_SHARE = 0.5;

    // Words the knowledge base has never seen count in the question's length like a word found in
    // this share of the articles: they dilute a match ("my tv remote is dead") without swamping it.
    private static final double UNKNOWN_TERM_DOCUMENT_SHARE = 0.5;

    // Shared words with less total IDF than a word found in this share of the articles only
    // earn a proportional part of the score: "tv" alone is too common to pick an article.
    private static final double EVIDENCE_DOCUMENT_SHARE = 0.1;

    // Added to every IDF so that a word found in all articles still has a small weight.
    private static final double IDF_FLOOR = 0.25;

    private static final double PROGRAMME_BOOST = 1.2;
    private static final double SERVICE_BOOST = 1.1;
    private static final double LANGUAGE_BOOST = 1.1;

    private static final int MAX_MENU_DIGITS = 4;

    private final List<KnowledgeArticle> articles;
    private final List<String> topics;
    private final double threshold;
    private final Map<String, Integer> articleByCanonicalTopic;
    private final String[] articleLanguages;

    private final Map<String, Integer> termIds;
    private final double[] idf;
    private final double fullEvidence;
    private final double unknownTermIdf;
    // An indexed unit is a whole article or one of its phrasings. Articles tied to a programme get
    // a second set of units without the programme's name, used when that programme is the context.
    private final int[] unitArticle;
    private final boolean[] unitWhole;
    private final boolean[] unitForProgrammeContext;
    private final int[][] postingUnits;
    private final double[][] postingWeights;

    /** A knowledge base with the {@link #DEFAULT_THRESHOLD}. */
    public KnowledgeBase(List<KnowledgeArticle> articles) {
        this(articles, DEFAULT_THRESHOLD);
    }

    /**
     * @param articles  the articles in menu order; ids, and topics ignoring case and diacritics,
     *                  must be unique
     * @param threshold minimum score, within 0..1, for {@link #bestAnswer} to return an article
     */
    public KnowledgeBase(List<KnowledgeArticle> articles, double threshold) {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be within 0..1 but was " + threshold);
        }
        this.articles = List.copyOf(articles);
        this.threshold = threshold;
        int n = this.articles.size();

        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> byTopic = new HashMap<>();
        articleLanguages = new String[n];
        for (int i = 0; i < n; i++) {
            KnowledgeArticle article = this.articles.get(i);
            Integer previous = ids.putIfAbsent(article.id(), i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate article id '" + article.id() + "'");
            }
            previous = byTopic.putIfAbsent(TextAnalyzer.canonical(article.topic()), i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate topic '" + article.topic() + "' in articles '"
                        + this.articles.get(previous).id() + "' and '" + article.id() + "'");
            }
            articleLanguages[i] = article.language().orElse(null);
        }
        topics = this.articles.stream().map(KnowledgeArticle::topic).toList();
        articleByCanonicalTopic = Map.copyOf(byTopic);

        UnitBuilder units = new UnitBuilder();
        for (int a = 0; a < n; a++) {
            units.addArticle(a, this.articles.get(a), Set.of(), false);
        }
        for (int a = 0; a < n; a++) {
            KnowledgeArticle article = this.articles.get(a);
            if (article.tvProgramme() != null) {
                units.addArticle(a, article, Set.copyOf(TextAnalyzer.terms(article.tvProgramme())), true);
            }
        }
        unitArticle = units.articles.stream().mapToInt(Integer::intValue).toArray();
        unitWhole = toArray(units.whole);
        unitForProgrammeContext = toArray(units.forContext);

        // Document frequency counts each article once, from its ordinary whole-article unit.
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int u = 0; u < unitArticle.length; u++) {
            if (unitWhole[u] && !unitForProgrammeContext[u]) {
                units.terms.get(u).keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            }
        }
        Map<String, Integer> termIndex = new HashMap<>();
        idf = new double[documentFrequency.size()];
        for (Map.Entry<String, Integer> entry : documentFrequency.entrySet()) {
            int id = termIndex.size();
            termIndex.put(entry.getKey(), id);
            idf[id] = idf(n, entry.getValue());
        }
        termIds = Map.copyOf(termIndex);
        // Capped by the IDF of a word unique to one article, so a tiny knowledge base still trusts it.
        fullEvidence = Math.min(idf(n, EVIDENCE_DOCUMENT_SHARE * n), idf(n, 1));
        unknownTermIdf = idf(n, UNKNOWN_TERM_DOCUMENT_SHARE * n);

        List<List<Integer>> postingUnitLists = new ArrayList<>(idf.length);
        List<List<Double>> postingWeightLists = new ArrayList<>(idf.length);
        for (int t = 0; t < idf.length; t++) {
            postingUnitLists.add(new ArrayList<>());
            postingWeightLists.add(new ArrayList<>());
        }
        for (int u = 0; u < unitArticle.length; u++) {
            Map<String, Double> tf = units.terms.get(u);
            double norm = 0.0;
            for (Map.Entry<String, Double> entry : tf.entrySet()) {
                double weight = Math.sqrt(entry.getValue()) * idf[termIds.get(entry.getKey())];
                norm += weight * weight;
            }
            double length = Math.sqrt(norm);
            for (Map.Entry<String, Double> entry : tf.entrySet()) {
                int term = termIds.get(entry.getKey());
                postingUnitLists.get(term).add(u);
                postingWeightLists.get(term).add(Math.sqrt(entry.getValue()) * idf[term] / length);
            }
        }
        postingUnits = new int[idf.length][];
        postingWeights = new double[idf.length][];
        for (int t = 0; t < idf.length; t++) {
            postingUnits[t] = postingUnitLists.get(t).stream().mapToInt(Integer::intValue).toArray();
            postingWeights[t] = postingWeightLists.get(t).stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * The article that best answers {@code question}, if it scores at least the threshold.
     *
     * <p>A question that is exactly a topic name or a 1-based menu number selects that article with
     * score 1. With a TV context, articles tied to a different service or programme are never
     * returned and articles tied to the given ones are preferred. A locale slightly prefers articles
     * declared ({@code lang:xx} tag) in its language.
     *
     * @param question    the customer's text; null or blank gives no match
     * @param locale      the customer's locale, or null if unknown
     * @param tvService   the TV service the customer is watching, or null
     * @param tvProgramme the TV programme the customer is watching, or null
     */
    public Optional<KnowledgeMatch> bestAnswer(String question, Locale locale, String tvService, String tvProgramme) {
        double[] scores = scores(question, locale, tvService, tvProgramme);
        int best = -1;
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] > 0.0 && (best < 0 || scores[a] > scores[best])) {
                best = a;
            }
        }
        if (best < 0 || scores[best] < threshold) {
            return Optional.empty();
        }
        return Optional.of(new KnowledgeMatch(articles.get(best), scores[best]));
    }

    /**
     * Up to {@code limit} articles that match {@code text}, best first: the suggestions an agent is offered beside
     * his reply box. Each article is scored exactly as {@link #bestAnswer} scores it; those below
     * {@link #SUGGESTION_FLOOR} are left out, and the rest are raised by {@link ChoiceBoost} for the times agents
     * chose them. The boost multiplies a textual score, so an article that does not match the text is never offered,
     * however often it was chosen. Ties keep the menu order.
     *
     * @param timesChosen how often agents chose each article, by article id; an article absent was never chosen
     * @return the matches with their boosted scores (at most 1)
     */
    public List<KnowledgeMatch> bestMatches(String text, Locale locale, String tvService, String tvProgramme,
                                            int limit, Map<String, Integer> timesChosen) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        double[] scores = scores(text, locale, tvService, tvProgramme);
        List<KnowledgeMatch> matches = new ArrayList<>();
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] >= SUGGESTION_FLOOR) {
                KnowledgeArticle article = articles.get(a);
                double boost = ChoiceBoost.factor(timesChosen.getOrDefault(article.id(), 0));
                matches.add(new KnowledgeMatch(article, Math.min(1.0, scores[a] * boost)));
            }
        }
        // A stable sort: equal scores keep the menu order.
        matches.sort(Comparator.comparingDouble(KnowledgeMatch::score).reversed());
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    /**
     * Every article's score for {@code question}, by menu index, within 0..1: the one place a question is scored.
     * 0 means no match, or an article the TV context excludes.
     */
    private double[] scores(String question, Locale locale, String tvService, String tvProgramme) {
        double[] scores = new double[articles.size()];
        if (question == null || question.isBlank()) {
            return scores;
        }
        String service = blankToNull(tvService);
        String programme = blankToNull(tvProgramme);

        int direct = directIndex(question);
        if (direct >= 0) {
            if (allowed(articles.get(direct), service, programme)) {
                scores[direct] = 1.0;
            }
            return scores;
        }
        List<String> terms = TextAnalyzer.terms(question);
        if (programme != null) {
            // The programme is already known, so its name says nothing about which help topic is
            // meant: "is the Evening News frozen?" is a frozen-picture question.
            List<String> withoutProgramme = new ArrayList<>(terms);
            withoutProgramme.removeAll(TextAnalyzer.terms(programme));
            if (!withoutProgramme.isEmpty()) {
                terms = withoutProgramme;
            }
        }
        if (terms.isEmpty()) {
            return scores;
        }
        Map<String, Integer> counts = new HashMap<>(terms.size() * 2);
        for (String term : terms) {
            counts.merge(term, 1, Integer::sum);
        }

        int n = articles.size();
        boolean[] inProgrammeContext = new boolean[n];
        boolean[] excluded = new boolean[n];
        for (int a = 0; a < n; a++) {
            KnowledgeArticle article = articles.get(a);
            excluded[a] = !allowed(article, service, programme);
            inProgrammeContext[a] = programme != null && programme.equalsIgnoreCase(article.tvProgramme());
        }

        double[] unitDots = new double[unitArticle.length];
        double[] evidence = new double[n];
        double queryNorm = 0.0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            double tf = Math.sqrt(entry.getValue());
            Integer term = termIds.get(entry.getKey());
            if (term == null) {
                queryNorm += tf * unknownTermIdf * tf * unknownTermIdf;
                continue;
            }
            double weight = tf * idf[term];
            queryNorm += weight * weight;
            int[] units = postingUnits[term];
            double[] unitWeights = postingWeights[term];
            for (int p = 0; p < units.length; p++) {
                int unit = units[p];
                int a = unitArticle[unit];
                if (excluded[a] || unitForProgrammeContext[unit] != inProgrammeContext[a]) {
                    continue;
                }
                unitDots[unit] += weight * unitWeights[p];
                if (unitWhole[unit]) {
                    evidence[a] += idf[term];
                }
            }
        }
        double[] whole = new double[n];
        double[] bestPhrasing = new double[n];
        for (int unit = 0; unit < unitDots.length; unit++) {
            int a = unitArticle[unit];
            if (unitWhole[unit]) {
                whole[a] += unitDots[unit];
            } else {
                bestPhrasing[a] = Math.max(bestPhrasing[a], unitDots[unit]);
            }
        }

        double queryLength = Math.sqrt(queryNorm);
        String language = locale == null || locale.getLanguage().isEmpty() ? null : locale.getLanguage();
        for (int a = 0; a < n; a++) {
            if (whole[a] <= 0.0) {
                continue;
            }
            KnowledgeArticle article = articles.get(a);
            double cosine = ((1.0 - PHRASING_SHARE) * whole[a] + PHRASING_SHARE * bestPhrasing[a]) / queryLength;
            double score = cosine * Math.min(1.0, evidence[a] / fullEvidence);
            if (inProgrammeContext[a]) {
                score *= PROGRAMME_BOOST;
            } else if (service != null && service.equalsIgnoreCase(article.tvService())) {
                score *= SERVICE_BOOST;
            }
            if (language != null && language.equals(articleLanguages[a])) {
                score *= LANGUAGE_BOOST;
            }
            scores[a] = Math.min(1.0, score);
        }
        return scores;
    }

    /** The topic labels in menu order; the first is menu number 1. */
    public List<String> topics() {
        return topics;
    }

    /**
     * The topic labels to offer a customer who watches {@code tvService} / {@code tvProgramme}, in menu
     * order: first the articles tied to that service or programme, then those tagged {@value #TV_TAG},
     * then the rest; never an article tied to another service or programme. Without a TV context, the
     * {@link #topics()} as they are.
     */
    public List<String> topicsFor(String tvService, String tvProgramme) {
        String service = blankToNull(tvService);
        String programme = blankToNull(tvProgramme);
        if (service == null && programme == null) {
            return topics;
        }
        List<String> tied = new ArrayList<>();
        List<String> tv = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (KnowledgeArticle article : articles) {
            if (!allowed(article, service, programme)) {
                continue;
            }
            if (article.tvService() != null || article.tvProgramme() != null) {
                tied.add(article.topic());
            } else if (article.tags().contains(TV_TAG)) {
                tv.add(article.topic());
            } else {
                rest.add(article.topic());
            }
        }
        tied.addAll(tv);
        tied.addAll(rest);
        return List.copyOf(tied);
    }

    /**
     * The article whose topic equals {@code topic}, ignoring case, diacritics and punctuation, or
     * whose 1-based menu number is {@code topic} (e.g. "2").
     */
    public Optional<KnowledgeArticle> byTopic(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        int index = directIndex(topic);
        return index < 0 ? Optional.empty() : Optional.of(articles.get(index));
    }

    /** All articles in menu order. */
    public List<KnowledgeArticle> articles() {
        return articles;
    }

    /** The minimum score {@link #bestAnswer} requires. */
    public double threshold() {
        return threshold;
    }

    private int directIndex(String text) {
        String trimmed = text.strip();
        if (!trimmed.isEmpty() && trimmed.length() <= MAX_MENU_DIGITS && isAsciiDigits(trimmed)) {
            int number = Integer.parseInt(trimmed);
            return number >= 1 && number <= articles.size() ? number - 1 : -1;
        }
        Integer index = articleByCanonicalTopic.get(TextAnalyzer.canonical(trimmed));
        return index == null ? -1 : index;
    }

    private static boolean allowed(KnowledgeArticle article, String service, String programme) {
        if (service != null && article.tvService() != null && !service.equalsIgnoreCase(article.tvService())) {
            return false;
        }
        return programme == null || article.tvProgramme() == null
                || programme.equalsIgnoreCase(article.tvProgramme());
    }

    private static double idf(int articleCount, double documentFrequency) {
        return Math.log((1.0 + articleCount) / (1.0 + documentFrequency)) + IDF_FLOOR;
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /** Collects the term frequencies of every indexed unit while the index is built. */
    private static final class UnitBuilder {
        final List<Map<String, Double>> terms = new ArrayList<>();
        final List<Integer> articles = new ArrayList<>();
        final List<Boolean> whole = new ArrayList<>();
        final List<Boolean> forContext = new ArrayList<>();

        void addArticle(int index, KnowledgeArticle article, Set<String> skip, boolean forProgrammeContext) {
            List<String> phrasings = new ArrayList<>();
            phrasings.add(article.topic());
            phrasings.add(article.question());
            phrasings.addAll(article.phrasings());

            Map<String, Double> all = new HashMap<>();
            for (String phrasing : phrasings) {
                Map<String, Double> tf = new HashMap<>();
                addTerms(tf, phrasing, 1.0, skip);
                tf.forEach((term, weight) -> all.merge(term, weight, Double::sum));
                add(tf, index, false, forProgrammeContext);
            }
            for (String tag : article.tags()) {
                if (!KnowledgeArticle.isLanguageTag(tag)) {
                    addTerms(all, tag, TAG_WEIGHT, skip);
                }
            }
            if (article.tvProgramme() != null) {
                addTerms(all, article.tvProgramme(), TAG_WEIGHT, skip);
            }
            add(all, index, true, forProgrammeContext);
        }

        private void add(Map<String, Double> tf, int index, boolean isWhole, boolean forProgrammeContext) {
            if (!tf.isEmpty()) {
                terms.add(tf);
                articles.add(index);
                whole.add(isWhole);
                forContext.add(forProgrammeContext);
            }
        }

        private static void addTerms(Map<String, Double> tf, String text, double weight, Set<String> skip) {
            for (String term : TextAnalyzer.terms(text)) {
                if (!skip.contains(term)) {
                    tf.merge(term, weight, Double::sum);
                }
            }
        }
    }
}
