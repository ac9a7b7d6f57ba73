//go:build !js

package suite

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStepsListsEveryStepInOrder(t *testing.T) {
	var ids []string
	for _, st := range (&Suite{}).steps() {
		ids = append(ids, st.id)
	}
	assert.Equal(t, Steps, ids)
	assert.NoError(t, CheckSteps([]string{"compare", "tti"}))
	assert.NoError(t, CheckSteps(nil))
	assert.ErrorContains(t, CheckSteps([]string{"compare", "scores"}), `no step "scores"`)
}
