// The records were generated and compiled; load them and use them like an application would.
def classes = new File(basedir, 'target/classes')
def generated = new File(basedir, 'target/generated-sources/canonical/org/canonicalregistry/canonical/customer/v1/Customer.java')
assert generated.isFile()
assert generated.text.contains('public record Customer(')
def loader = new URLClassLoader([classes.toURI().toURL()] as URL[], this.class.classLoader)
def use = loader.loadClass('it.UseRecords')
assert use.describe() == 'ACME en card customer@1.0 id -1'
try {
  use.incomplete()
  assert false : 'a missing required field must be rejected'
} catch (NullPointerException expected) {
  assert expected.message == 'customerId is required'
}
return true
