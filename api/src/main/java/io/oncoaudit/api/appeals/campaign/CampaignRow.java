package io.oncoaudit.api.appeals.campaign;

import java.time.OffsetDateTime;

/** A campaign as stored: its name, owner and the filter it was built from; {@code archivedAt} null while it is open. */
public record CampaignRow(long id, String name, String owner, OffsetDateTime createdAt, CampaignFilter filter,
                          OffsetDateTime archivedAt, String archivedBy) {
    public boolean open() { return archivedAt == null; }
}
