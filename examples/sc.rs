fn main() {
    let mut texts = Vec::new();
    for e in std::fs::read_dir("corpus").unwrap() {
        let p = e.unwrap().path();
        if p.extension().map(|x| x == "txt").unwrap_or(false) {
            texts.push(std::fs::read_to_string(&p).unwrap());
        }
    }
    let lines: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let cells: Vec<&str> = lines
        .iter()
        .filter(|l| l.contains('\t'))
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    let n: usize = cells.iter().map(|l| l.len()).sum();
    let reps: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(5);
    let mut k = 0;
    for r in 0..reps {
        let t = std::time::Instant::now();
        for l in &cells {
            k += cookie_charter::split_cookie_names(l).len();
        }
        let s = t.elapsed().as_secs_f64();
        eprintln!(
            "pass {r}: {} bytes in {:.5}s = {:.1} MB/s",
            n,
            s,
            n as f64 / s / 1e6
        );
    }
    eprintln!("{k} {}", cells.len());
}
