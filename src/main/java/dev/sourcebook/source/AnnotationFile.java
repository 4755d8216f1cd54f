package dev.sourcebook.source;

/** One parsed annotation file: the path shown to users and its YAML tree. */
public record AnnotationFile(String path, Node root) {}
