package io.oncoaudit.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of findings. Newest first: {@code nextCursor} continues after the last item (keyset
 * pagination: pass it as {@code cursor}); null on the last page. In another order ({@code sort},
 * {@code group}) pages go by number: {@code nextPage} is the next one's, null on the last page.
 * {@code total} only when asked for.
 */
public record FindingsPage(List<FindingRow> items, int page, int size, String nextCursor,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer nextPage) {
}
