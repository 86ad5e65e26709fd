def log = new File(basedir, 'build.log').text
assert log.contains('fingerprint mismatch for customer@1.0')
assert log.contains('run `mvn canonical:lock` again instead of editing it')
assert !new File(basedir, 'target/generated-sources/canonical').exists()
return true
