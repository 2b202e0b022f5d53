/**
 * Package declarations on one line of a known file kind: requirements, pyproject (PEP 621, Poetry,
 * uv/PDM groups), setup.py/cfg, Pipfile, conda environments, Dockerfiles, notebooks, Python imports,
 * Maven, Gradle and sbt. Line-based on purpose: a diff shows lines, not whole files, and a broken
 * manifest must not stop the review.
 */
export type Ecosystem =
  | 'pip'
  | 'pep621'
  | 'poetry'
  | 'pipfile'
  | 'setuptools'
  | 'conda'
  | 'maven'
  | 'gradle'
  | 'sbt'
  | 'docker'
  | 'notebook'
  | 'import';

export type Declaration = {
  readonly name: string;
  readonly version: string;
  readonly ecosystem: Ecosystem;
  /** import declarations are usage, not a manifest entry */
  readonly kind: 'package' | 'import';
};

export type FileKind = Ecosystem | 'ignored';

/** Which reader a path gets, from its name alone. */
/** Extensions some reader wants; any other file (docs, images, TypeScript, …) is ignored at once. */
const READ_EXTENSIONS = new Set([
  'txt',
  'in',
  'toml',
  'cfg',
  'py',
  'pyi',
  'yml',
  'yaml',
  'xml',
  'gradle',
  'kts',
  'sbt',
  'scala',
  'ipynb',
]);

export function fileKind(path: string): FileKind {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  if (
    dot > 0 &&
    !READ_EXTENSIONS.has(name.slice(dot + 1)) &&
    !name.startsWith('dockerfile') &&
    !name.endsWith('.dockerfile')
  )
    return 'ignored';
  const inRequirementsDir = /(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(path);
  if (
    /^(requirements|constraints)[^/]*\.(txt|in)$/.test(name) ||
    /\.requirements\.txt$/.test(name) ||
    inRequirementsDir
  )
    return 'pip';
  if (name === 'pyproject.toml') return 'pep621';
  if (name === 'pipfile') return 'pipfile';
  if (name === 'setup.py' || name === 'setup.cfg') return 'setuptools';
  if (/^(environment|env|conda)[^/]*\.ya?ml$/.test(name) || name === 'meta.yaml') return 'conda';
  if (name === 'pom.xml') return 'maven';
  if (/\.gradle(\.kts)?$/.test(name)) return 'gradle';
  if (/\.sbt$/.test(name) || (path.includes('project/') && name.endsWith('.scala'))) return 'sbt';
  if (
    name === 'dockerfile' ||
    name.startsWith('dockerfile.') ||
    name.endsWith('.dockerfile') ||
    name === 'containerfile'
  )
    return 'docker';
  if (name.endsWith('.ipynb')) return 'notebook';
  if (name.endsWith('.py') || name.endsWith('.pyi')) return 'import';
  return 'ignored';
}

/** PEP 503: lower case, runs of - _ . become one -. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const REQUIREMENT =
  /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*((?:[<>=!~]=?|===)\s*[^;,\s#]+(?:\s*,\s*[<>=!~]=?\s*[^;,\s#]+)*)?\s*(?:;.*)?$/;
/** `_2.12`, `_2.13`, `_3` or a property such as `_${scala.binary.version}` after a JVM artifact id. */
const JVM_SCALA_SUFFIX = /_(?:2\.1\d|3|\$\{[^}]*\}|\$\w+)$/;
/** A quoted string that is a dictionary key (`'torch': [...]` in extras_require), not a requirement. */
const QUOTED = /["']([^"']+)["'](\s*:)?/g;

function requirement(text: string, ecosystem: Ecosystem): Declaration[] {
  const m = REQUIREMENT.exec(text);
  if (!m?.[1]) return [];
  return [{ name: normaliseName(m[1]), version: (m[3] ?? '').replace(/\s+/g, ''), ecosystem, kind: 'package' }];
}

function stripComment(line: string, marker = '#'): string {
  const at = line.indexOf(marker);
  return (at >= 0 ? line.slice(0, at) : line).trim();
}

function quotedRequirements(line: string, ecosystem: Ecosystem): Declaration[] {
  if (/\bkeywords\b|\bclassifiers\b|\bdescription\b|\bname\s*=/.test(line)) return [];
  return [...line.matchAll(QUOTED)].flatMap((m) => (m[2] ? [] : requirement(m[1] ?? '', ecosystem)));
}

/**
 * What an install argument that is not a plain requirement names: a wheel or sdist file
 * (`dist/pyspark-3.5.1.tar.gz`, `torch-2.3.1-cp311-linux_x86_64.whl`) or a variable named after the
 * package (`${PYSPARK_PACKAGE}`, `$(basename $PYSPARK_WHEEL_PATH)`).
 */
function installedName(word: string): string | undefined {
  const variable = /\$\{?([A-Z][A-Z0-9]*)_(?:PACKAGE|PKG|WHEEL|WHEEL_PATH|SPEC)\b/.exec(word)?.[1];
  if (variable) return variable.toLowerCase();
  const file = /(?:^|\/)([A-Za-z][A-Za-z0-9_.]*?)-(?:\d|\*|\$)[^/]*\.(?:whl|tar\.gz|zip)$/.exec(word)?.[1];
  return file;
}

function pipInstallArgs(command: string, ecosystem: Ecosystem): Declaration[] {
  const out: Declaration[] = [];
  for (const match of command.matchAll(
    /\b(?:pip3?(?:\.\d+)?|uv pip|python3?(?:\.\d+)? -m pip|conda|mamba|micromamba)(?:\s+--?[\w-]+)*\s+install\s+([^&|;]*)/g,
  )) {
    const isConda = /conda|mamba/.test(match[0]);
    const words = (match[1] ?? '').split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const word = (words[i] as string).replace(/^["']|["']$/g, '');
      if (word.startsWith('-')) {
        if (
          /^-(r|c|e|i|c)$|^--(index-url|extra-index-url|find-links|requirement|constraint|channel|prefix|name)$/.test(
            word,
          )
        )
          i++;
        continue;
      }
      const spec = isConda ? word.replace(/^[^:]+::/, '').replace(/=(?!=)/, '==') : word;
      out.push(...requirement(installedName(spec) ?? spec, ecosystem));
    }
  }
  return out;
}

function pythonImports(code: string, ecosystem: Ecosystem): Declaration[] {
  const out: Declaration[] = [];
  const trimmed = code.trim();
  const from = /^from\s+([A-Za-z_][\w]*)(?:\.[\w.]+)?\s+import\b/.exec(trimmed);
  if (from?.[1]) out.push({ name: from[1], version: '', ecosystem, kind: 'import' });
  const imp = /^import\s+(.+)$/.exec(trimmed);
  if (imp?.[1]) {
    for (const part of imp[1].split(',')) {
      const root = /^\s*([A-Za-z_]\w*)/.exec(part)?.[1];
      if (root) out.push({ name: root, version: '', ecosystem, kind: 'import' });
    }
  }
  return out;
}

function jvmCoordinates(text: string, ecosystem: Ecosystem): Declaration[] {
  const out: Declaration[] = [];
  if (ecosystem === 'maven') {
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(text)?.[1];
    if (artifact) out.push({ name: artifact.replace(JVM_SCALA_SUFFIX, ''), version: '', ecosystem, kind: 'package' });
    return out;
  }
  if (ecosystem === 'sbt') {
    // the sbt-spark-package plugin: `sparkVersion := "3.4.1"`, `sparkComponents ++= Seq("sql", "mllib")`
    const plugin = /^\s*sparkVersion\s*:=\s*(?:"([^"]+)"|([A-Za-z_][\w.]*)\s*(?:,|$))/.exec(text);
    if (plugin) out.push({ name: 'spark-core', version: plugin[1] ?? plugin[2] ?? '', ecosystem, kind: 'package' });
    if (/^\s*sparkComponents\s*(?:\+\+=|:=|\+=)/.test(text)) {
      for (const c of text.matchAll(/"([\w-]+)"/g))
        out.push({ name: `spark-${c[1] ?? ''}`, version: '', ecosystem, kind: 'package' });
    }
    // any "group" %% "artifact" % version: which artifacts bring a framework in is knowledge data
    for (const m of text.matchAll(/"[\w.-]+"\s*%%?%?\s*"([^"]+)"\s*%\s*("[^"]+"|[\w.]+)/g)) {
      out.push({
        name: (m[1] ?? '').replace(JVM_SCALA_SUFFIX, ''),
        version: (m[2] ?? '').replace(/"/g, ''),
        ecosystem,
        kind: 'package',
      });
    }
    return out;
  }
  // any 'group:artifact:version' or group/name map: which artifacts bring a framework in is knowledge data
  for (const m of text.matchAll(/["'][\w-]+(?:\.[\w-]+)*:([\w.${}-]+?)(?::([^"':@]+))?(?:@\w+)?["']/g)) {
    out.push({ name: (m[1] ?? '').replace(JVM_SCALA_SUFFIX, ''), version: m[2] ?? '', ecosystem, kind: 'package' });
  }
  for (const m of text.matchAll(
    /group\s*[:=]\s*["'][\w.-]+["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/g,
  )) {
    out.push({ name: (m[1] ?? '').replace(JVM_SCALA_SUFFIX, ''), version: m[2] ?? '', ecosystem, kind: 'package' });
  }
  return out;
}

/**
 * A Dockerfile that installs a Spark distribution rather than a package: the download
 * (`spark-3.5.1-bin-hadoop3.tgz`), `SPARK_VERSION=…`, `SPARK_HOME`, or pyspark put on `PYTHONPATH`.
 */
function sparkDistribution(line: string): Declaration[] {
  const out: Declaration[] = [];
  const download = /\bspark-(\d[\w.]*|\$\{?\w+\}?)-bin-[\w.${}-]*?\.(?:tgz|tar\.gz)\b/.exec(line);
  const pinned = /^\s*(?:ENV|ARG)\s+(?:\w+_)?SPARK_VERSION\s*[=\s]\s*["']?(\d[\w.]*)/.exec(line);
  if (download || pinned || /\bSPARK_HOME\s*[=\s]\s*\S/.test(line)) {
    const version = pinned?.[1] ?? (download?.[1]?.startsWith('$') ? '' : (download?.[1] ?? ''));
    out.push({ name: 'spark-core', version, ecosystem: 'docker', kind: 'package' });
  }
  if (/\bPYTHONPATH\b.*(?:pyspark|SPARK_HOME[}]?\/python)/.test(line))
    out.push({ name: 'pyspark', version: '', ecosystem: 'docker', kind: 'package' });
  return out;
}

/** `ARG PYTORCH_PACKAGE=torch==2.3.1` / `ENV PYSPARK_PACKAGE=pyspark==3.5.1`: a pinned package kept in a variable for a later install. */
function packageArgument(line: string): Declaration[] {
  const m = /^\s*(?:ARG|ENV)\s+\w+\s*=\s*["']?([A-Za-z][\w.-]*(?:===?|>=|~=)[^\s"']+)["']?\s*$/.exec(line);
  return m?.[1] ? requirement(m[1], 'docker') : [];
}

/**
 * The code lines inside one line of notebook JSON, whatever the writer's layout: one string per
 * line as Jupyter writes (`"import torch\n",`), a cell's whole source as one string
 * (`"source": "import torch\nimport pyspark"`), or a minified notebook on a single line. Keys
 * (strings followed by `:`) are not code.
 */
export function notebookSources(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"(?:[^"\\]|\\.)*"(\s*:)?/g)) {
    if (m[1]) continue; // a key
    let value: unknown;
    try {
      value = JSON.parse(m[0]);
    } catch {
      continue;
    }
    if (typeof value === 'string') out.push(...value.replace(/\n$/, '').split('\n'));
  }
  return out;
}

/** Every declaration one line of a file of the given kind makes. */
export function readDeclarations(kind: FileKind, line: string): Declaration[] {
  switch (kind) {
    case 'pip': {
      const text = stripComment(line);
      if (text === '' || text.startsWith('-') || text.includes('://')) return [];
      return requirement(text, 'pip');
    }
    case 'pep621': {
      const text = stripComment(line);
      const poetry =
        /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{.*?version\s*=\s*"([^"]*)".*\}|\{.*\})\s*$/.exec(
          text,
        );
      if (
        poetry?.[1] &&
        !/^(python|name|version|description|requires-python|readme|license|authors)$/i.test(poetry[1])
      ) {
        return [
          {
            name: normaliseName(poetry[1]),
            version: poetry[2] ?? poetry[3] ?? poetry[4] ?? '',
            ecosystem: 'poetry',
            kind: 'package',
          },
        ];
      }
      return quotedRequirements(text, 'pep621');
    }
    case 'pipfile': {
      const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(?:"([^"]*)"|\{.*?version\s*=\s*"([^"]*)".*\}|\{.*\})/.exec(
        stripComment(line),
      );
      return m?.[1]
        ? [{ name: normaliseName(m[1]), version: m[2] ?? m[3] ?? '', ecosystem: 'pipfile', kind: 'package' }]
        : [];
    }
    case 'setuptools': {
      const text = stripComment(line);
      if (/["']/.test(text)) return quotedRequirements(text, 'setuptools');
      // setup.cfg: indented requirement lines, or `install_requires = torch`
      const inline = /^install_requires\s*=\s*(\S.*)$/.exec(text)?.[1];
      if (inline) return requirement(inline, 'setuptools');
      return /^\s+\S/.test(line) ? requirement(text, 'setuptools') : [];
    }
    case 'conda': {
      const m = /^\s*-\s*([^\s#]+)/.exec(line);
      if (!m?.[1] || m[1].endsWith(':')) return [];
      const spec = m[1].replace(/^[^:]+::/, '');
      const pipStyle = /[<>!~]|==/.test(spec);
      return requirement(pipStyle ? spec : spec.replace(/=/, '=='), 'conda');
    }
    case 'docker':
      return [...pipInstallArgs(line, 'docker'), ...sparkDistribution(line), ...packageArgument(line)];
    case 'notebook':
      return notebookSources(line).flatMap((source) =>
        /^\s*[%!]\s*(pip|conda|mamba)\s+install\b/.test(source)
          ? pipInstallArgs(source.replace(/^\s*[%!]\s*/, ''), 'notebook')
          : pythonImports(source, 'notebook'),
      );
    case 'import':
      return pythonImports(line, 'import');
    case 'maven':
    case 'gradle':
    case 'sbt':
      return jvmCoordinates(line, kind);
    default:
      return [];
  }
}
