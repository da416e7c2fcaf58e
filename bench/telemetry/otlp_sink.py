"""An OTLP/HTTP sink for bench/telemetry.sh: answers every POST (/v1/traces, /v1/metrics, /v1/logs) with 200
and an empty protobuf body, and counts posts, bytes and, for traces, the spans in them by name (read from the protobuf
wire format: ExportTraceServiceRequest.resource_spans(1).scope_spans(2).spans(2), Span.name(5)). GET /counts answers the
counts as JSON. Usage: python3 otlp_sink.py PORT_FILE; it listens on a free port of 127.0.0.1 and writes it
to PORT_FILE."""
import collections, gzip, json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts, names, lock = {}, collections.Counter(), threading.Lock()


def fields(buf):
    """The length-delimited fields of a protobuf message, as (number, bytes); other wire types skipped."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            _, i = varint(buf, i)
        elif wire == 1:
            i += 8
        elif wire == 5:
            i += 4
        elif wire == 2:
            size, i = varint(buf, i)
            yield number, buf[i:i + size]
            i += size
        else:
            raise ValueError(f"wire type {wire}")


def varint(buf, i):
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def span_names(body):
    return [bytes(name).decode(errors="replace") for n, resource in fields(body) if n == 1
            for m, scope in fields(resource) if m == 2 for k, span in fields(scope) if k == 2
            for j, name in fields(span) if j == 5]


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        if self.headers.get("Transfer-Encoding") == "chunked":
            body = b""
            while size := int(self.rfile.readline().split(b";")[0], 16):
                body += self.rfile.read(size)
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        size = len(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        found = span_names(body) if self.path == "/v1/traces" else []
        with lock:
            entry = counts.setdefault(self.path, {"posts": 0, "bytes": 0, "spans": 0})
            entry["posts"] += 1
            entry["bytes"] += size
            entry["spans"] += len(found)
            names.update(found)

    def do_GET(self):
        with lock:
            answer = json.dumps(dict(counts, names=names.most_common())).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
with open(sys.argv[1], "w") as out:
    out.write(str(server.server_address[1]))
server.serve_forever()
