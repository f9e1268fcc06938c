// Runs a function over inputs on several threads and hands the results back
// in input order, never more than `window` results ahead of the consumer (so a
// batch of large scans does not pile up in memory).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace vanban::cli {

template <typename Out>
void RunOrdered(size_t count, int workers, size_t window, const std::function<Out(size_t)>& work,
                const std::function<void(size_t, Out&)>& consume) {
  std::vector<std::optional<Out>> results(count);
  std::mutex mu;
  std::condition_variable ready, room;
  size_t next = 0, consumed = 0;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return next >= count || next < consumed + window; });
        if (next >= count) return;
        i = next++;
      }
      Out out = work(i);
      std::lock_guard<std::mutex> lock(mu);
      results[i] = std::move(out);
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  const int n = std::max(1, std::min<int>(workers, static_cast<int>(count)));
  for (int t = 0; t < n; ++t) threads.emplace_back(worker);
  for (size_t i = 0; i < count; ++i) {
    std::optional<Out> out;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return results[i].has_value(); });
      out = std::move(results[i]);
      results[i].reset();
    }
    consume(i, *out);
    {
      std::lock_guard<std::mutex> lock(mu);
      consumed = i + 1;
    }
    room.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace vanban::cli
