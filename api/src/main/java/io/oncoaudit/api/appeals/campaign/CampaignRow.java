package io.oncoaudit.api.appeals.campaign;

import java.time.OffsetDateTime;

/** A campaign as stored: its name, owner and the filter it was built from. */
public record CampaignRow(long id, String name, String owner, OffsetDateTime createdAt, CampaignFilter filter) { }
