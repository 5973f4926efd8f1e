package io.oncoaudit.api.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A product user (contract section 8: HTTP Basic against our own users). Passwords are bcrypt (MCF). */
@Entity
@Table(name = "users")
@UserDefinition
public class AppUser extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false, unique = true, length = 100)
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false, length = 200)
    public String passwordHash;

    /** Comma-separated role names (see {@link Role}). */
    @Roles
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
