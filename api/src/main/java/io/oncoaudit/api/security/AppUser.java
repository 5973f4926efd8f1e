package io.oncoaudit.api.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A product user (contract section 8: HTTP Basic against our own users, see {@link PasswordIdentityProvider}). Passwords are bcrypt (MCF). */
@Entity
@Table(name = "users")
public class AppUser extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 100)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    public String passwordHash;

    /** Comma-separated role names (see {@link Role}). */
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    public static AppUser findByUsername(String username) {
        return find("username", username).firstResult();
    }

    public static boolean anyAdmin() {
        return AppUser.<AppUser>listAll().stream().anyMatch(u -> Role.parse(u.roles).contains(Role.ADMIN));
    }
}
