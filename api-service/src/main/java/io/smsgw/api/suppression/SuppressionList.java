package io.smsgw.api.suppression;

import java.util.List;

/**
 * A page of {@code GET /v1/suppressions}, most recently suppressed first.
 *
 * @param items the suppressed numbers of this page
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
 */
public record SuppressionList(List<SuppressionView> items, String nextCursor) {
}
