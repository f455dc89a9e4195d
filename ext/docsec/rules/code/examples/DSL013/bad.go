import "math/rand"

func newSessionToken() string {
	return fmt.Sprintf("%d", rand.Int63()) // expect: DSL013
}
