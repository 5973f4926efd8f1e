package io.oncoaudit.api.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An unknown query parameter is a 400 problem+json naming it (contract section 12), on every /api
 * endpoint: a misspelt filter ({@code ?payer=UHC} for {@code ?payerId=UHC}) would otherwise answer every
 * finding as if it were the filtered set. The known names are the endpoint method's {@code @QueryParam}s
 * and those of its {@code @BeanParam} classes. Unauthenticated requests are left to the security checks
 * (401 first).
 */
@Provider
public class UnknownQueryParameters implements ContainerRequestFilter {
    private static final Map<Method, Set<String>> NAMES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) return;
        if (request.getSecurityContext() == null || request.getSecurityContext().getUserPrincipal() == null) return;
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) return;
        Set<String> known = NAMES.computeIfAbsent(method, UnknownQueryParameters::names);
        if (known.contains(ANY)) return;
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.badRequest(name, "unknown query parameter '" + name + "'; this endpoint takes "
                        + (known.isEmpty() ? "no query parameters" : String.join(", ", known)));
            }
        }
    }

    /** Marks a method that reads the query string itself (a {@code UriInfo} parameter): not checked here. */
    private static final String ANY = "\u0000any";

    static Set<String> names(Method method) {
        Set<String> out = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        java.lang.reflect.Parameter[] params = method.getParameters();
        for (int i = 0; i < annotations.length; i++) {
            if (jakarta.ws.rs.core.UriInfo.class.isAssignableFrom(types[i])) out.add(ANY);
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) out.add(q.value());
                if (a instanceof org.jboss.resteasy.reactive.RestQuery q) out.add(q.value().isEmpty() ? params[i].getName() : q.value());
                if (a instanceof BeanParam) beanNames(types[i], out);
            }
        }
        return out;
    }

    private static void beanNames(Class<?> type, Set<String> out) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                QueryParam q = f.getAnnotation(QueryParam.class);
                if (q != null) out.add(q.value());
                if (f.getAnnotation(BeanParam.class) != null) beanNames(f.getType(), out);
            }
        }
    }
}
