# R reads the CSV tables: readr with the types datapackage.json declares, and base read.csv as is.
# usage: Rscript check.R DATASET_DIR   (needs jsonlite and readr)
suppressMessages({library(jsonlite); library(readr)})
d <- commandArgs(trailingOnly = TRUE)[1]
pkg <- fromJSON(file.path(d, "datapackage.json"), simplifyVector = FALSE)
types <- c(string = "c", integer = "i", boolean = "l", date = "D")
tables <- list()
for (res in pkg$resources) {
  spec <- paste(sapply(res$schema$fields, function(f) types[[f$type]]), collapse = "")
  # trim_ws = FALSE: readr trims spaces at the ends of a cell by default, and a text that starts
  # with one would lose it (every offset into it then off by one).
  t <- read_csv(file.path(d, res$path), col_types = spec, na = "", trim_ws = FALSE, progress = FALSE)
  tables[[res$name]] <- t
  cat(sprintf("%s readr %s: %d rows, %s problems\n", R.version.string, res$path, nrow(t), nrow(problems(t))))
}
a <- read.csv(file.path(d, "actors.csv"))
cat(sprintf("base read.csv actors.csv: minor is %s, a$minor == TRUE finds %d\n", class(a$minor), sum(a$minor == TRUE)))
arts <- setNames(tables$articles$text, tables$articles$id)
st <- tables$statements
ok <- mapply(function(art, s, e, q) {
  cps <- utf8ToInt(arts[[art]])
  intToUtf8(cps[(s + 1):e]) == q
}, st$article, st$start, st$end, st$quote)
trimmed <- read_csv(file.path(d, "articles.csv"), col_types = cols(.default = "c"), na = "", progress = FALSE)
cat(sprintf("R: text[start:end] == quote for %d of %d statements (readr's default trim_ws = TRUE changes %d article texts)\n",
  sum(ok), length(ok), sum(trimmed$text != tables$articles$text)))
if (!all(ok)) quit(status = 1)
