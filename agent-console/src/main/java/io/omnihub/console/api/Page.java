package io.omnihub.console.api;

import java.util.List;

/**
 * One page of a list. Pass {@code next} back as {@code cursor} for the following page; it is null
 * on the last page.
 */
public record Page<T>(List<T> items, String next) {
}
