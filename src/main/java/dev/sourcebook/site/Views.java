package dev.sourcebook.site;

import java.util.List;

/**
 * What each page shows, made ready for its template: every value a plain string (escaped by the
 * template engine where it is written), every link a relative path that the site itself made.
 */
public final class Views {
  private Views() {}

  /**
   * What every page shares.
   *
   * @param root the way back to the site's folder from the page ("" or "../")
   */
  public record Page(String title, String root, String datasetTitle, String version, String compilerVersion) {}

  /** A link to a page of the site, or to a place on one. */
  public record Link(String href, String text) {}

  /** Words of a source as a record cites them, linking to them on the article page. */
  public record Quote(String id, String words, String href, String articleTitle) {}

  public record Count(String what, int count) {}

  public record Download(String path, String href, String sha256) {}

  public record Index(
      Page page, String description, String licence, String name, String citation, List<Count> counts, List<Link> incidents,
      List<Link> actors, List<Link> articles, String changes, List<Download> downloads, String dataRoot) {}

  public record Participant(Link actor, String role, String roleMeaning) {}

  public record Standing(String kind, String meaning, Link by, Quote quote) {}

  public record OutcomeView(
      String id, String type, String typeMeaning, String date, String precision, String status, Link authority, Link supersededBy,
      String details, Standing standing, List<Quote> evidence) {
    public boolean superseded() {
      return supersededBy != null;
    }
  }

  public record StatementView(String id, Link speaker, String kind, String venue, Quote quote) {}

  public record IncidentPage(
      Page page, String id, String title, String summary, List<String> types, String date, String precision, String place,
      Standing standing, List<Participant> participants, List<OutcomeView> outcomes, Timeline timeline, List<Quote> evidence,
      List<StatementView> statements) {}

  public record Family(String relation, Link other) {}

  public record ActorPage(
      Page page, String id, String label, String name, String kind, String description, boolean minor, List<String> aliases,
      List<Family> links, List<Family> linkedFrom, List<Participant> incidents, List<StatementView> statements, List<Quote> evidence) {}

  public record ArticlePage(
      Page page, String id, String title, String outlet, String published, String url, String language, int redactions,
      List<Highlights.Span> text, int statements, int evidence) {}

  public record Column(String name, String type, boolean required, String description, String codes) {}

  public record Table(String name, String file, String description, List<Column> columns, String primaryKey, List<String> foreignKeys) {}

  public record Code(String code, String meaning) {}

  public record Vocabulary(String name, String usedBy, List<Code> codes) {}

  public record Codebook(Page page, List<Table> tables, List<Vocabulary> vocabularies) {}

  public record Search(Page page) {}
}
