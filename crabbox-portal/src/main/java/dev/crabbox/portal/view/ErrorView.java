package dev.crabbox.portal.view;

/** A readable error page: status, the machine code and a sentence for a person. */
public record ErrorView(Page page, int status, String code, String message) {}
