/**
 * The floor any engine must clear: count a few telltale words per outcome and pick the largest
 * count (both when Spark and PyTorch words tie above zero; unclear when nothing is counted).
 */
const WORDS: Record<string, readonly string[]> = {
  spark: [
    'spark',
    'pyspark',
    'hadoop',
    'hive',
    'hdfs',
    'etl',
    'join',
    'joins',
    'terabytes',
    'tb',
    'cluster',
    'databricks',
  ],
  pytorch: ['pytorch', 'torch', 'gpu', 'gpus', 'neural', 'train', 'training', 'model', 'deep', 'transformer', 'cuda'],
  neither: ['pandas', 'polars', 'duckdb', 'sklearn', 'scikit', 'xgboost', 'csv', 'small', 'laptop', 'excel', 'sql'],
};

export function keywordVerdict(text: string): string {
  const words = text.toLowerCase().split(/[^a-z0-9]+/);
  const count = (k: string) => words.filter((w) => WORDS[k]?.includes(w)).length;
  const spark = count('spark');
  const pytorch = count('pytorch');
  const neither = count('neither');
  if (spark === 0 && pytorch === 0 && neither === 0) return 'unclear';
  if (neither > spark && neither > pytorch) return 'neither';
  if (spark > 0 && spark === pytorch) return 'both';
  return spark > pytorch ? 'spark' : 'pytorch';
}
