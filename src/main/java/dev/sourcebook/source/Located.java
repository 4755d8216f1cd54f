package dev.sourcebook.source;

/** A record with the place it was read from. */
public record Located<T>(T value, Origin origin) {}
