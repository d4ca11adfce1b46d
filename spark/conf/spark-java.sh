# Sourced by bin/zhibao-screen-spark and bin/zhibao-benchmark-spark: runs a class of the spark module in a local
# JVM with Spark on the classpath. Build first: mvn -q package -DskipTests (writes spark/target/classpath.txt).
# Heap: ZHIBAO_SPARK_HEAP (default 6g); extra JVM options: ZHIBAO_SPARK_JAVA_OPTS.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$(ls "$root"/spark/target/zhibao-spark-*.jar 2>/dev/null | grep -v -- '-job\.jar$' | head -n 1 || true)"
if [[ -z "$jar" || ! -f "$root/spark/target/classpath.txt" ]]; then
  echo "$(basename "$0"): the spark module is not built; run 'mvn -q package -DskipTests' in $root first" >&2
  exit 2
fi
# Spark on Java 17 needs these packages opened (the list spark-submit's launcher adds; same as surefire's argLine)
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

spark_java() {
  local main="$1"
  shift
  exec java -Xmx"${ZHIBAO_SPARK_HEAP:-6g}" "${opens[@]}" -Dlog4j2.configurationFile="$root/spark/conf/log4j2.properties" \
    ${ZHIBAO_SPARK_JAVA_OPTS:-} -cp "$jar:$(cat "$root/spark/target/classpath.txt")" "$main" "$@"
}
