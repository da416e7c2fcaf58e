# Sourced by the bench scripts: jdk MIN [MAX] prints the home of an installed JDK whose major release is MIN or
# newer (and MAX or older): JAVA_HOME's when it fits, else the newest under /usr/lib/jvm, where the build's
# toolchain finds it too (pom.xml). Payara Micro 7 needs 21 or newer; Payara 6 runs on 17.
jdk() {
    local min=$1 max=${2:-999} home major best= best_major=0
    for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
        [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
        major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
        [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -le "$max" ] || continue
        [ "$home" = "${JAVA_HOME:-}" ] && { echo "$home"; return; }
        [ "$major" -gt "$best_major" ] && { best=$home; best_major=$major; }
    done
    [ -n "$best" ] || { echo "bench: no JDK $min${2:+ to $max} found in JAVA_HOME or /usr/lib/jvm" >&2; return 1; }
    echo "$best"
}
JDK="$(jdk 21)" # the JDK that runs Payara Micro 7 and its tools (jcmd, jfr)
