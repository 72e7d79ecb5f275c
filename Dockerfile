# syntax=docker/dockerfile:1
# One image recipe for every omnihub service:
#   docker build --build-arg SERVICE=catalog-service --build-arg SERVER_PORT=8082 -t omnihub/catalog-service:0.1.0 .
# docker-compose.yml builds all six this way.

FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /workspace
# the whole reactor: Maven reads every module's POM even when it builds one (-pl ... -am)
COPY . .
# the ~/.m2 cache mount keeps downloaded dependencies (and the wrapper's Maven) between builds
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>, e.g. catalog-service" >&2; exit 1; }; \
    ./mvnw -q -B -DskipTests -pl "${SERVICE}" -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
ARG SERVER_PORT=8080
LABEL org.opencontainers.image.title="omnihub ${SERVICE}"
# a fixed numeric uid, so Kubernetes' runAsNonRoot can verify it
RUN groupadd --system --gid 10001 omnihub \
 && useradd --system --uid 10001 --gid omnihub --home-dir /app --shell /usr/sbin/nologin omnihub
WORKDIR /app
COPY --from=build --chown=10001:10001 /workspace/${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER 10001:10001
# the heap is sized from the container's memory limit, not the host's, leaving a quarter for metaspace,
# threads and buffers; a JVM out of memory exits so that the orchestrator restarts it
ENV SERVER_PORT=${SERVER_PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${SERVER_PORT}
# health checks live in docker-compose.yml and k8s/ (they know each service's port); the base image ships wget and curl
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
