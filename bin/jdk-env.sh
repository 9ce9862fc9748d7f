# Sourced by bin/thinkbench and .ci/run: selects a JDK 25 (the machine default may be 17).
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(major "$JAVA_HOME" || echo 0)" -lt 25 ] 2>/dev/null; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk /Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home; do
    if [ -x "$jdk/bin/java" ]; then export JAVA_HOME="$jdk"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(major "$JAVA_HOME" || echo 0)" -lt 25 ] 2>/dev/null; then
  echo "Thinkbench needs a JDK 25. Install Temurin 25 or set JAVA_HOME to one." >&2; exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
