package dev.sourcebook.emit;

/**
 * What a build knows of a dataset beyond its records, and publishes with it: the digest of the
 * seeds it was compiled from (in manifest.json) and its release's changelog entry (CHANGES.md).
 * {@link #NONE} for a dataset made in code.
 *
 * @param inputsSha256 the digest of the seeds' files, or null
 * @param changes the changelog entry of this version, Markdown, or null
 */
public record Provenance(String inputsSha256, String changes) {
  public static final Provenance NONE = new Provenance(null, null);
}
