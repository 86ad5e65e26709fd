def log = new File(basedir, 'build.log').text
assert log.contains('Generated 45 canonical source files')
assert log.contains('Canonical sources up to date (45 files, inputs unchanged)')
def loader = new URLClassLoader([new File(basedir, 'target/classes').toURI().toURL()] as URL[], this.class.classLoader)
assert loader.loadClass('it.UseRecords').describe().startsWith('ACME')
return true
