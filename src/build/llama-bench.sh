#!/usr/bin/env bash
# Builds llama.cpp's llama-bench from the source at the pinned tag (the llama/gitRelease.bundle of node-llama-cpp
# 3.22.1, checked against src/build/natives.lock), OUTSIDE this repository, for the bench-local benchmark:
#   src/build/llama-bench.sh /work/llama-build      -> /work/llama-build/llama.cpp/build/bin/llama-bench
#   mvn -Pbench-local verify -DskipTests -Dbench.llamaBench=/work/llama-build/llama.cpp/build/bin/llama-bench
# GGML_NATIVE=OFF with explicit CPU levels: a native build on a VM that reports AMX but refuses it dies with SIGILL on
# Q4_0. The default levels (AVX2/FMA/F16C/BMI2) match the packaged haswell backend; pass more with LLAMA_CPU_FLAGS,
# e.g. "-DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON" to match zen4.
#   src/build/llama-bench.sh /work/llama-build --shared -> /work/llama-build/llama.cpp/build-shared/bin/llama-bench
# builds it with shared libraries instead; the benchmark then runs it on the engine's own libraries (the package's
# libllama, libggml and CPU backends), so both sides run the same kernels: the fair reading where the static build's
# CPU level is not the package's (an AVX-512 or AMX machine).
# No OpenMP (the packaged libraries use ggml's own thread pool). About 15 minutes on 2 cores.
set -euo pipefail
out="${1:?usage: llama-bench.sh <build folder outside the repository>}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
node "$here/natives.mjs" source --out "$out/llama.cpp"
cd "$out/llama.cpp"
if [ "${2:-}" = "--shared" ]; then
  cmake -S . -B build-shared -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DGGML_BACKEND_DL=ON \
    -DLLAMA_CURL=OFF -DGGML_OPENMP=OFF -DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF
  cmake --build build-shared --target llama-bench -j "${JOBS:-2}"
  echo "built $out/llama.cpp/build-shared/bin/llama-bench (shared: runs on the engine's libraries in the benchmark)"
  exit 0
fi
# shellcheck disable=SC2086
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF -DGGML_OPENMP=OFF \
  -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_BMI2=ON -DGGML_FMA=ON -DGGML_F16C=ON ${LLAMA_CPU_FLAGS:-} \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF
cmake --build build --target llama-bench -j "${JOBS:-2}"
echo "built $out/llama.cpp/build/bin/llama-bench"
