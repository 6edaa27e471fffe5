;; CRC-32 (IEEE, reflected 0xEDB88320), slicing-by-16, for codec/crc32.ts.
;; Memory: the sixteen 256-entry tables at byte 0 (table k at 1024 k, written by the host: entry n
;; of table k is the CRC register of byte n followed by k zero bytes), then the register `split`
;; leaves (4 bytes, at 16384, padded to 16), then the data.
;; scripts/write_crc32_wasm.ts assembles this into codec/crc32_wasm.ts.
(module
  (memory (export "memory") 1)

  ;; Feeds bytes [start, end) to the register `c`, storing the register at `mid` at 16384: a frame's
  ;; message CRC in one call, and the register after its headers.
  (func (export "split") (param $c i32) (param $start i32) (param $mid i32) (param $end i32)
    (result i32)
    (i32.store offset=16384 (i32.const 0)
      (call $update (local.get $c) (local.get $start) (local.get $mid)))
    (call $update (i32.load offset=16384 (i32.const 0)) (local.get $mid) (local.get $end)))

  ;; Feeds bytes [start, end) of memory to the register `c` (no initial or final inversion).
  (func $update (export "update") (param $c i32) (param $i i32) (param $end i32) (result i32)
    (local $w0 i32)
    ;; Sixteen bytes a step: the register folds into the first four, read as a little-endian word;
    ;; the other twelve are read a byte each (as fast on V8, ~10% faster on JavaScriptCore than
    ;; shifting them out of words).
    (block $wide
      (loop $step
        (br_if $wide (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
        (local.set $w0 (i32.xor (local.get $c) (i32.load (local.get $i))))
        ;; Table 15 − n for byte n of the sixteen; entry i of a table is at byte 4 i.
        (i32.load offset=15360 (i32.and (i32.shl (local.get $w0) (i32.const 2)) (i32.const 0x3fc)))
        (i32.load offset=14336 (i32.and (i32.shr_u (local.get $w0) (i32.const 6)) (i32.const 0x3fc)))
        i32.xor
        (i32.load offset=13312 (i32.and (i32.shr_u (local.get $w0) (i32.const 14)) (i32.const 0x3fc)))
        i32.xor
        (i32.load offset=12288 (i32.and (i32.shr_u (local.get $w0) (i32.const 22)) (i32.const 0x3fc)))
        i32.xor
        (i32.load offset=11264 (i32.shl (i32.load8_u offset=4 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=10240 (i32.shl (i32.load8_u offset=5 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=9216 (i32.shl (i32.load8_u offset=6 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=8192 (i32.shl (i32.load8_u offset=7 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=7168 (i32.shl (i32.load8_u offset=8 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=6144 (i32.shl (i32.load8_u offset=9 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=5120 (i32.shl (i32.load8_u offset=10 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=4096 (i32.shl (i32.load8_u offset=11 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=3072 (i32.shl (i32.load8_u offset=12 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=2048 (i32.shl (i32.load8_u offset=13 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=1024 (i32.shl (i32.load8_u offset=14 (local.get $i)) (i32.const 2)))
        i32.xor
        (i32.load offset=0 (i32.shl (i32.load8_u offset=15 (local.get $i)) (i32.const 2)))
        i32.xor
        local.set $c
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $step)))
    ;; Then four bytes a step.
    (block $narrow
      (loop $word
        (br_if $narrow (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $end)))
        (local.set $w0 (i32.xor (local.get $c) (i32.load (local.get $i))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $w0) (i32.const 2)) (i32.const 0x3fc)))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $w0) (i32.const 6)) (i32.const 0x3fc)))
        i32.xor
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $w0) (i32.const 14)) (i32.const 0x3fc)))
        i32.xor
        (i32.load offset=0 (i32.and (i32.shr_u (local.get $w0) (i32.const 22)) (i32.const 0x3fc)))
        i32.xor
        local.set $c
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $word)))
    ;; The rest a byte at a time.
    (block $done
      (loop $byte
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c
          (i32.xor
            (i32.load (i32.shl (i32.and (i32.xor (local.get $c) (i32.load8_u (local.get $i)))
                                        (i32.const 0xff))
                               (i32.const 2)))
            (i32.shr_u (local.get $c) (i32.const 8))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $byte)))
    (local.get $c)))
