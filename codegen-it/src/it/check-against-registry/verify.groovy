def log = new File(basedir, 'build.log').text
assert log.contains('customer: BREAKING against customer@1.0')
assert log.contains('REQUIRED_PROPERTY_ADDED')
assert log.contains('witness {')
assert log.contains('order: UNCHANGED against order@1.0')
assert log.contains('breaking changes in customer')
assert new File(basedir, 'target/canonical-check/TEST-canonical-check.xml').text.contains('tests="4" failures="1"')
return true
