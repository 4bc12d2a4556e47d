# Omnihub runtime image over the fat jar; the jar is built outside Docker first:
#
#   ./mvnw -B package -DskipTests        # writes config/target/omnihub.jar
#   docker build -t omnihub .            # or: docker compose up --build
#
# .dockerignore sends only config/target/omnihub.jar as the build context.
# The image starts with the "external" profile: PostgreSQL and Artemis run elsewhere and are named
# by OMNIHUB_DB_URL and OMNIHUB_BROKER_URL (config/.env.example lists every variable).
FROM eclipse-temurin:17-jre

# The Temurin Ubuntu images install wget (and curl); the HEALTHCHECK below relies on wget, so the
# build stops here rather than produce an image that can never report healthy.
# /app/data is writable for the embedded default (SPRING_PROFILES_ACTIVE unset), which keeps its
# PostgreSQL and Artemis files under OMNIHUB_DATA_DIR, ./data relative to /app.
RUN command -v wget >/dev/null \
    && groupadd --system --gid 10001 omnihub \
    && useradd --system --uid 10001 --gid omnihub --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin omnihub \
    && mkdir -p /app/data \
    && chown omnihub:omnihub /app/data

WORKDIR /app
# owned by root and read-only for the runtime user
COPY config/target/omnihub.jar /app/omnihub.jar

ENV SPRING_PROFILES_ACTIVE=external

USER 10001:10001
EXPOSE 8080

# /actuator/health is public and answers 503 (wget exits non-zero) while a component is down.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
    CMD wget -qO- "http://127.0.0.1:${OMNIHUB_PORT:-8080}/actuator/health" >/dev/null || exit 1

ENTRYPOINT ["java","-jar","/app/omnihub.jar"]
