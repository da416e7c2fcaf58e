"""Where a server's CPU went, from a Java Flight Recorder recording printed by `jfr print --events
jdk.ExecutionSample` (text, read line by line: the JSON form of 20 s is hundreds of MB). Used by speed.sh and
traffic.sh."""
import collections


def samples(path):
    """The stack of each jdk.ExecutionSample in `jfr print` text, as method names, leaf first."""
    frames, inside = [], False
    for line in open(path):
        line = line.strip()
        if line.startswith("stackTrace = ["):
            frames, inside = [], True
        elif inside and line == "]":
            inside = False
            if frames:
                yield frames
        elif inside and "(" in line:
            frames.append(line[:line.index("(")])


def print_profile(path, parts, heading, top_frames):
    """Prints `heading` (formatted with the number of samples as {total}), then the share of samples with each
    part's frame (a prefix) on their stack, then the most frequent top frames."""
    top, under, total = collections.Counter(), collections.Counter(), 0
    for frames in samples(path):
        total += 1
        top[frames[0]] += 1
        for label, needle in parts:
            if any(frame.startswith(needle) for frame in frames):
                under[label] += 1
    print(heading.format(total=total))
    print("| share of samples | under |")
    print("|---|---|")
    for label, _ in parts:
        print(f"| {under[label] / max(total, 1):.1%} | {label} |")
    print("\n| samples | share | top frame |")
    print("|---|---|---|")
    for frame, count in top.most_common(top_frames):
        print(f"| {count} | {count / max(total, 1):.1%} | `{frame}` |")
