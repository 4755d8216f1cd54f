package dev.sourcebook.source;

/**
 * How large the input may be. Generous for news text and hand-written annotations, small enough
 * that crafted input cannot exhaust memory or time; each limit has its own diagnostic.
 */
public final class Limits {
  private Limits() {}

  /** A source text: news articles are tens of kilobytes. */
  public static final long SOURCE_BYTES = 1L << 20;
  /** An annotation file or dataset.yaml. */
  public static final long YAML_BYTES = 8L << 20;
  /** The INDEX: room for hundreds of thousands of sources. */
  public static final long INDEX_BYTES = 64L << 20;
  /**
   * A built dataset's manifest.json, SHA256SUMS and datapackage.json, which are read whole: about
   * 100 bytes for each file of the dataset, two or three files an article (its pages), so room for
   * as many articles as the INDEX holds. 8 MiB, the limit before, refused datasets of 40,000.
   */
  public static final long LISTING_BYTES = 64L << 20;
  /** One line of any input, in chars. */
  public static final int LINE_CHARS = 64 * 1024;
  /** Maps and lists inside maps and lists: annotations need about five. */
  public static final int YAML_DEPTH = 16;
  /** Records (items of a top-level list) in one annotation file. */
  public static final int RECORDS_PER_FILE = 100_000;
  /** Places the redactions of one article hide: names are few; a common word would be thousands. */
  public static final int REDACTED_SPANS = 10_000;
}
