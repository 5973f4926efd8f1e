package io.oncoaudit.api.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One read of patient-level data: who, when, which claim (issue 5, section 4). Read by admins. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public LocalDateTime at;

    @Column(nullable = false, length = 100)
    public String username;

    @Column(nullable = false, length = 100)
    public String action;

    @Column(name = "claim_id", length = 200)
    public String claimId;

    @Column(name = "run_pk")
    public Long runPk;

    @Column(length = 2000)
    public String detail;
}
