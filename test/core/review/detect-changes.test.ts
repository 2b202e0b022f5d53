import { describe, expect, it } from 'vitest';
import { bundledKnowledge, detectChanges, parseDiff } from '../../../src/index.js';

const kb = bundledKnowledge();

/** A one-file diff adding (+) and removing (-) the given lines. */
function diffOf(
  path: string,
  added: string[],
  removed: string[] = [],
  status: 'new' | 'modified' = 'modified',
): string {
  const header =
    status === 'new'
      ? `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n`
      : `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
  const body = [...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`)].join('\n');
  return `${header}@@ -1,${removed.length} +1,${added.length} @@\n${body}\n`;
}

const changesOf = (diff: string) =>
  detectChanges(kb, parseDiff(diff)).map((c) => `${c.change} ${c.framework} ${c.via} ${c.ecosystem} ${c.package}`);

describe('detects frameworks added in every format', () => {
  it.each([
    ['requirements.txt', ['torch==2.4.0+cu121'], 'added pytorch direct pip torch'],
    [
      'requirements/dev.in',
      ['pyspark[sql,pandas_on_spark]>=3.5 ; python_version >= "3.9"'],
      'added spark direct pip pyspark',
    ],
    ['pyproject.toml', ['dependencies = ["torch>=2.3", "numpy"]'], 'added pytorch direct pep621 torch'],
    ['pyproject.toml', ['    "pyspark==3.5.1",'], 'added spark direct pep621 pyspark'],
    ['pyproject.toml', ['torch = { version = "^2.3", source = "pytorch-cu121" }'], 'added pytorch direct poetry torch'],
    ['pyproject.toml', ['pyspark = "^3.5"'], 'added spark direct poetry pyspark'],
    ['setup.py', ['    install_requires=["torch>=2", "pandas"],'], 'added pytorch direct setuptools torch'],
    ['setup.cfg', ['    pyspark>=3.4'], 'added spark direct setuptools pyspark'],
    ['Pipfile', ['torch = "==2.2.0"'], 'added pytorch direct pipfile torch'],
    ['environment.yml', ['  - pytorch::pytorch=2.3.0'], 'added pytorch direct conda pytorch'],
    ['environment.yml', ['  - pytorch-cuda=12.1'], 'added pytorch direct conda pytorch-cuda'],
    [
      'Dockerfile',
      ['RUN pip install --no-cache-dir torch==2.4.0 --index-url https://download.pytorch.org/whl/cu121'],
      'added pytorch direct docker torch',
    ],
    ['docker/Dockerfile.gpu', ['RUN conda install -y -c pytorch pytorch'], 'added pytorch direct docker pytorch'],
    ['analysis.ipynb', ['    "import torch\\n",'], 'added pytorch direct notebook torch'],
    ['analysis.ipynb', ['    "%pip install pyspark==3.5.0\\n",'], 'added spark direct notebook pyspark'],
    [
      'one-string-cells.ipynb',
      ['   "source": "import numpy as np\\nimport torch\\n"'],
      'added pytorch direct notebook torch',
    ],
    [
      'minified.ipynb',
      ['{"cells":[{"cell_type":"code","source":["from pyspark.sql import SparkSession\\n"],"outputs":[]}]}'],
      'added spark direct notebook pyspark',
    ],
    ['jobs/etl.py', ['from pyspark.sql import SparkSession'], 'added spark direct import pyspark'],
    ['pom.xml', ['      <artifactId>spark-core_2.12</artifactId>'], 'added spark direct maven spark-core'],
    // libtorch on the JVM: Deep Java Library's PyTorch engine, and PyTorch's own Java bindings
    ['pom.xml', ['      <artifactId>pytorch-engine</artifactId>'], 'added pytorch direct maven pytorch-engine'],
    [
      'build.gradle',
      ["    implementation 'org.pytorch:pytorch_java_only:2.1.0'"],
      'added pytorch direct gradle pytorch-java-only',
    ],
    [
      'build.gradle',
      ["    compileOnly 'org.apache.spark:spark-sql_2.13:3.5.1'"],
      'added spark direct gradle spark-sql',
    ],
    [
      'build.gradle.kts',
      ['    implementation("org.apache.spark:spark-mllib_2.12:3.5.0")'],
      'added spark direct gradle spark-mllib',
    ],
    [
      'build.sbt',
      ['libraryDependencies += "org.apache.spark" %% "spark-sql" % "3.5.1" % "provided"'],
      'added spark direct sbt spark-sql',
    ],
    ['requirements.txt', ['torchvision==0.19.0'], 'added pytorch transitive pip torchvision'],
    ['requirements.txt', ['lightning>=2.2'], 'added pytorch transitive pip lightning'],
    ['requirements.txt', ['delta-spark==3.2.0'], 'added spark transitive pip delta-spark'],
  ])('%s: %s', (path, lines, expected) => {
    expect(changesOf(diffOf(path, lines))).toEqual([expected]);
  });
});

describe('near misses are not the framework', () => {
  it.each([
    ['requirements.txt', ['findspark==2.0.1']],
    ['requirements.txt', ['pyspark-stubs==3.0.0']],
    ['requirements.txt', ['sparkmagic']],
    ['requirements.txt', ['spark-nlp==5.3.0']],
    ['requirements.txt', ['torchmetrics>=1.0']],
    ['requirements.txt', ['# torch is installed by the base image']],
    ['setup.py', ['    keywords=["pytorch", "spark", "torch"],']],
    ['pyproject.toml', ['keywords = ["torch", "pyspark"]']],
    ['README.md', ['pip install torch']],
    ['src/util.py', ['# import torch later']],
    ['src/util.py', ['torchlight = 3']],
  ])('%s: %j', (path, lines) => {
    expect(changesOf(diffOf(path, lines))).toEqual([]);
  });
});

describe('bumps, moves and removals', () => {
  it('a Dockerfile line can add the framework and a package that pulls it in', () => {
    expect(changesOf(diffOf('Dockerfile', ['RUN conda install -y -c pytorch pytorch torchvision']))).toEqual([
      'added pytorch direct docker pytorch',
      'added pytorch transitive docker torchvision',
    ]);
  });

  it('a version change is a bump', () => {
    const changes = detectChanges(kb, parseDiff(diffOf('requirements.txt', ['torch==2.4.0'], ['torch==2.3.1'])));
    expect(changes.map((c) => [c.change, c.from, c.to])).toEqual([['bumped', '==2.3.1', '==2.4.0']]);
  });

  it('moving a declaration between manifests is no change', () => {
    const diff =
      diffOf('requirements.txt', [], ['pyspark==3.5.1']) + diffOf('requirements/base.txt', ['pyspark==3.5.1']);
    expect(changesOf(diff)).toEqual([]);
  });

  it('a removed framework is reported as removed', () => {
    expect(changesOf(diffOf('requirements.txt', [], ['torch==2.3.1']))).toEqual(['removed pytorch direct pip torch']);
  });

  it('an import is not reported again when a manifest already declares the framework', () => {
    const diff = diffOf('requirements.txt', ['torch==2.4.0']) + diffOf('train.py', ['import torch'], [], 'new');
    expect(changesOf(diff)).toEqual(['added pytorch direct pip torch']);
  });

  it('a framework already used in the base checkout is not added', () => {
    const changes = detectChanges(
      kb,
      parseDiff(diffOf('svc/requirements.txt', ['torch==2.4.0'])),
      new Set(['pytorch']),
    );
    expect(changes).toEqual([]);
  });

  it('reads git format-patch output with renames and quoted odd file names', () => {
    const patch = [
      'From 1234 Mon Sep 17 00:00:00 2001',
      'Subject: [PATCH] odd names',
      '---',
      'diff --git "a/deps/req \\303\\251.txt" "b/deps/req \\303\\251.txt"',
      '--- "a/deps/req \\303\\251.txt"',
      '+++ "b/deps/req \\303\\251.txt"',
      '@@ -0,0 +1 @@',
      '+numpy',
      'diff --git a/requirements-old.txt b/requirements-gpu.txt',
      'similarity index 90%',
      'rename from requirements-old.txt',
      'rename to requirements-gpu.txt',
      '--- a/requirements-old.txt',
      '+++ b/requirements-gpu.txt',
      '@@ -1,1 +1,2 @@',
      ' numpy',
      '+torch==2.4.0',
      '-- ',
      '2.39.5',
    ].join('\n');
    const files = parseDiff(patch);
    expect(files.map((f) => [f.path, f.status])).toEqual([
      ['deps/req \u00c3\u00a9.txt', 'modified'],
      ['requirements-gpu.txt', 'renamed'],
    ]);
    expect(changesOf(patch)).toEqual(['added pytorch direct pip torch']);
  });
});
