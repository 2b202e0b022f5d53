import { describe, expect, it } from 'vitest';
import { bundledKnowledge, detectChanges, inventoryOf, parseDiff, review } from '../../../src/index.js';

const kb = bundledKnowledge();

/** A one-file diff: `lines` prefixed with +, -, or a space for unchanged context. */
function diffOf(path: string, lines: string[], status: 'new' | 'modified' = 'modified'): string {
  const header =
    status === 'new'
      ? `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n`
      : `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
  return `${header}@@ -1,${lines.length} +1,${lines.length} @@\n${lines.join('\n')}\n`;
}
const added = (diff: string, base?: Record<string, string>) =>
  review(diff, base ? { baseFiles: base } : {})
    .changes.filter((c) => c.change === 'added')
    .map((c) => `${c.framework}:${c.family} ${c.ecosystem} ${c.package}`);

describe('formats found on real commits', () => {
  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Maven property
    ['pom.xml', ['+      <artifactId>spark-core_${scala.binary.version}</artifactId>'], 'spark:jvm maven spark-core'],
    [
      'build.gradle',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Gradle property
      ['+    implementation "org.apache.spark:spark-sql_${scalaVersion}:3.5.1"'],
      'spark:jvm gradle spark-sql',
    ],
    ['build.sbt', ['+sparkVersion := "3.4.1"'], 'spark:jvm sbt spark-core'],
    ['build.sbt', ['+sparkVersion := sparkVer'], 'spark:jvm sbt spark-core'],
    ['build.sbt', ['+sparkComponents ++= Seq("sql", "mllib")'], 'spark:jvm sbt spark-sql'],
    [
      'Dockerfile',
      ['+RUN wget -q https://archive.apache.org/dist/spark/spark-3.5.1/spark-3.5.1-bin-hadoop3.tgz'],
      'spark:jvm docker spark-core',
    ],
    ['Dockerfile', ['+ENV APACHE_SPARK_VERSION 2.0.1'], 'spark:jvm docker spark-core'],
    ['Dockerfile', ['+ENV PYTHONPATH $SPARK_HOME/python:$PYTHONPATH'], 'spark:python docker pyspark'],
    ['Dockerfile', ['+ARG PYSPARK_PACKAGE=pyspark==3.5.1'], 'spark:python docker pyspark'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile variable
    ['Dockerfile', ['+RUN pip install ${PYTORCH_PACKAGE}'], 'pytorch:python docker pytorch'],
    [
      'Dockerfile',
      ['+RUN /venv/bin/pip3.9 --no-cache-dir install dist/pyspark-3.5.1.tar.gz'],
      'spark:python docker pyspark',
    ],
  ])('%s %s → %s', (path, lines, expected) => {
    expect(added(diffOf(path, lines))[0]).toBe(expected);
  });

  it('an extras_require key named like a framework is a key, not the package', () => {
    const extras = review(diffOf('setup.py', ["+    'torch': ['torchvision>=0.2.1'],"]));
    expect(extras.frameworksAdded).toEqual([]); // only torchvision, which brings PyTorch transitively
    expect(extras.changes.map((c) => `${c.via} ${c.package}`)).toEqual(['transitive torchvision']);
    expect(added(diffOf('setup.py', ['+    "spark": ["pyspark>=3.0"],']))).toEqual(['spark:python setuptools pyspark']);
  });
});

describe('what the base already has is not added', () => {
  const gpuRequirements = diffOf('requirements-gpu.txt', ['+torch==2.4.0+cu121', '+numpy'], 'new');

  it.each([
    ['declared in a manifest', { 'pkg/pyproject.toml': 'dependencies = [\n  "torch>=2.1",\n]' }],
    ['pulled in by torchvision', { 'requirements.txt': 'torchvision==0.19.0' }],
    [
      'installed in a Dockerfile across a continued line',
      { Dockerfile: 'RUN pip --no-cache-dir \\\n    install torch==2.3.1' },
    ],
  ])('PyTorch %s: splitting requirements adds nothing', (_what, base) => {
    expect(added(gpuRequirements)).toEqual(['pytorch:python pip torch']);
    expect(added(gpuRequirements, base)).toEqual([]);
  });

  it('a Python project with PySpark that adds spark-core in Maven adds Spark on the JVM', () => {
    const pom = diffOf('jvm/pom.xml', ['+      <artifactId>spark-core_2.13</artifactId>'], 'new');
    expect(added(pom, { 'requirements.txt': 'pyspark==3.5.1' })).toEqual(['spark:jvm maven spark-core']);
    expect(added(pom, { 'build.sbt': 'libraryDependencies += "org.apache.spark" %% "spark-sql" % "3.5.1"' })).toEqual(
      [],
    );
  });

  it('unchanged lines of the diff are the base too, at no cost', () => {
    expect(
      added(diffOf('requirements.txt', [' pyspark==3.5.1', '+pyspark-stubs', '+pyspark[connect]==3.5.1'])),
    ).toEqual([]);
  });

  it('an import removed elsewhere in the diff shows the framework was in use: a move is no addition', () => {
    const move =
      diffOf('old/job.py', ['-import torch', '-x = 1']) + diffOf('new/job.py', ['+import torch', '+x = 1'], 'new');
    expect(added(move)).toEqual([]);
  });

  it('new code importing a framework the base declares is a first use, named in the comment', () => {
    const result = review(diffOf('train.py', ['+import torch', '+model = torch.nn.Linear(3, 1)'], 'new'), {
      baseFiles: { 'requirements.txt': 'torch==2.4.0' },
    });
    expect(result.frameworksAdded).toEqual([]);
    expect(result.firstUses).toMatchObject([
      { framework: 'pytorch', file: 'train.py', line: 1, declaredIn: 'requirements.txt' },
    ]);
    expect(result.markdown.split('\n')[1]).toContain(
      'is already declared in ` requirements.txt `; this pull request first uses it in ` train.py `',
    );
  });

  it('an import of PySpark in a repository with Spark on the JVM is a first use (Spark ships PySpark)', () => {
    const diff = diffOf('python/udf.py', ['+from pyspark.sql import SparkSession'], 'new');
    expect(added(diff, { 'build.sbt': 'sparkVersion := "3.5.1"' })).toEqual([]);
  });

  it('inventoryOf keys by framework and family', () => {
    const inv = inventoryOf(kb, {
      'requirements.txt': 'pyspark==3.5.1\n',
      'pom.xml': '<artifactId>spark-sql_2.12</artifactId>',
    });
    expect([...inv.keys()].sort()).toEqual(['spark:jvm', 'spark:python']);
    expect(
      detectChanges(kb, parseDiff(diffOf('environment.yml', ['+  - pytorch=2.3'])), inv).map((c) => c.change),
    ).toEqual(['added']);
  });
});

describe('notebooks', () => {
  it('a finding in a new notebook names the cell and the line in the cell, not a line of JSON', () => {
    const notebook = JSON.stringify(
      {
        cells: [
          { cell_type: 'markdown', metadata: {}, source: ['# Training\n', 'notes\n'] },
          {
            cell_type: 'code',
            execution_count: null,
            metadata: {},
            outputs: [],
            source: ['import numpy as np\n', 'import torch\n'],
          },
        ],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const lines = notebook.split('\n');
    const diff = `diff --git a/train.ipynb b/train.ipynb\nnew file mode 100644\n--- /dev/null\n+++ b/train.ipynb\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n`;
    const result = review(diff);
    expect(result.changes).toMatchObject([
      { framework: 'pytorch', ecosystem: 'notebook', cell: { index: 2, line: 2 } },
    ]);
    expect(result.markdown).toContain('(notebook) — ` train.ipynb ` cell 2, line 2');
  });
});
