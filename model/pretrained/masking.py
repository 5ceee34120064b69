"""An ONNX model whose GRU layers skip each sequence's padding: ``masked_gru_model`` wires the model's
``length`` input into the ``sequence_lens`` input of every GRU node that leaves it empty.

LAC's exported network has a ``length`` input but does not use it: its bidirectional GRUs run over the whole
padded width, so the backward direction of a padded sentence starts in the padding and the sentence gets other
scores (``model.pretrained.lac``). With ``sequence_lens`` set, ONNX Runtime's GRU runs each direction over the
sequence's own length, and a sentence in a padded batch gets the very scores it gets alone, bit for bit
(checked at load: ``LacTagger.load``; and in the tests).

The model is edited in its protobuf wire format, without the ``onnx`` package (not a dependency): a message
is a list of fields ``(number, wire type, value)``; the fields not touched are copied as they are.
ModelProto.graph is field 7; GraphProto.node 1; NodeProto.input 1, output 2, op_type 4, attribute 5;
AttributeProto.name 1, i 3, type 20 (``onnx/onnx.proto``).
"""

from __future__ import annotations

from collections.abc import Iterator

LENGTHS = "newstag.sequence_lens"  # the int32 copy of ``length`` the GRUs read
_INT = 2  # AttributeProto.AttributeType.INT
_INT32 = 6  # TensorProto.DataType.INT32


def _read_varint(data: memoryview, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _fields(data: memoryview) -> Iterator[tuple[int, memoryview, memoryview | None]]:
    """``(number, the field as encoded, its payload if length-delimited)`` for each field of a message."""
    pos = 0
    while pos < len(data):
        start = pos
        key, pos = _read_varint(data, pos)
        wire = key & 7
        payload = None
        if wire == 0:
            _, pos = _read_varint(data, pos)
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        elif wire == 2:
            size, pos = _read_varint(data, pos)
            payload = data[pos : pos + size]
            pos += size
        else:
            raise ValueError(f"unexpected wire type {wire}")
        if pos > len(data):
            raise ValueError("truncated message")
        yield key >> 3, data[start:pos], payload


def _bytes_field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _int_field(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _cast_node(source: str, target: str) -> bytes:
    """NodeProto: ``target = Cast(source, to=int32)``."""
    to = _bytes_field(1, b"to") + _int_field(3, _INT32) + _int_field(20, _INT)
    return (
        _bytes_field(1, source.encode())
        + _bytes_field(2, target.encode())
        + _bytes_field(3, target.encode())
        + _bytes_field(4, b"Cast")
        + _bytes_field(5, to)
    )


def _masked_node(node: memoryview) -> bytes | None:
    """A GRU NodeProto whose ``sequence_lens`` (its fifth input) is empty, with ``LENGTHS`` there; else
    None."""
    fields = list(_fields(node))
    if not any(n == 4 and p is not None and bytes(p) == b"GRU" for n, _, p in fields):
        return None
    out, inputs = [], 0
    for number, raw, payload in fields:
        if number == 1:
            inputs += 1
            if inputs == 5:
                if payload is None or len(payload):
                    return None  # sequence_lens already given: leave the node alone
                out.append(_bytes_field(1, LENGTHS.encode()))
                continue
        out.append(bytes(raw))
    return b"".join(out) if inputs >= 5 else None


def masked_gru_model(model: bytes, length_input: str = "length") -> tuple[bytes, int]:
    """``(the model with its GRU nodes reading length_input as their sequence lengths, how many GRU nodes
    were changed)``; the model as it was and 0 when none was. The model is copied once (30 MB)."""
    data = memoryview(model)
    out: list[bytes | memoryview] = []
    changed = 0
    for number, raw, payload in _fields(data):
        if number != 7 or payload is None:
            out.append(raw)
            continue
        graph: list[bytes | memoryview] = [_bytes_field(1, _cast_node(length_input, LENGTHS))]
        for g_number, g_raw, g_payload in _fields(payload):
            node = _masked_node(g_payload) if g_number == 1 and g_payload is not None else None
            if node is None:
                graph.append(g_raw)
            else:
                graph.append(_bytes_field(1, node))
                changed += 1
        out.append(_varint(7 << 3 | 2) + _varint(sum(len(piece) for piece in graph)))
        out.extend(graph)
    return (b"".join(out), changed) if changed else (model, 0)
